import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const start = (startedOn: string, mediationId = 'med-1', today?: string) =>
  command('StartMediation', { mediationId, startedOn }, today);

describe('StartMediation (2nd ed.; SEND Regs 2014 regs 33-37)', () => {
  it.each([
    ['after a refusal to assess', history.refused, '2025-11-01'],
    ['after a decision not to issue', history.notIssued, '2026-01-10'],
    ['while the case is being assessed', history.assessing, '2025-11-01'],
    ['on a maintained plan (its contents)', history.planMaintained, '2026-02-01'],
    ['after the plan ceased (about the cessation)', history.ceased, '2027-06-02'],
  ])('records a mediation %s', (_title, events, startedOn) => {
    given(events)
      .when(start(startedOn))
      .then([on.mediationStarted('med-1', startedOn)]);
  });

  it('records a second mediation under another id', () => {
    given(history.mediating)
      .when(start('2026-01-05', 'med-2'))
      .then([on.mediationStarted('med-2', '2026-01-05')]);
  });

  it('refuses a mediation id already used on the case: MEDIATION_ALREADY_EXISTS', () => {
    given(history.mediating).when(start('2025-12-01')).thenThrows('MEDIATION_ALREADY_EXISTS');
  });

  it('refuses a mediation started before the case began: DATE_BEFORE_REQUEST', () => {
    given(history.refused).when(start('2025-08-31')).thenThrows('DATE_BEFORE_REQUEST');
  });

  it('refuses a date in the future (DATE_IN_FUTURE) or not a date (INVALID_DATE), naming startedOn', () => {
    given(history.refused)
      .when(start('2025-11-02', 'med-1', '2025-11-01'))
      .thenThrows('DATE_IN_FUTURE', 'startedOn');
    given(history.refused).when(start('2025-13-01')).thenThrows('INVALID_DATE', 'startedOn');
  });

  it('refuses a mediation on a closed case: CASE_CLOSED', () => {
    given(history.closed).when(start('2025-09-10')).thenThrows('CASE_CLOSED');
  });
});

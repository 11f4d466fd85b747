import { APPEAL_OUTCOMES } from '../../ehcp-case/ehcp-case.vocabulary';
import type { AppealOutcome } from '../../ehcp-case/ehcp-case.vocabulary';
import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const decide = (outcome: AppealOutcome, decidedOn: string, appealId = 'app-1', today?: string) =>
  command('RecordAppealOutcome', { appealId, outcome, decidedOn }, today);

// The refusal of 6 Oct 2025 appealed on 1 Nov 2025 (history.appealed).
describe('RecordAppealOutcome (2nd ed.; SEND Regs 2014 reg 44 order, reg 45 concession)', () => {
  it.each(APPEAL_OUTCOMES)('records the outcome %s', (outcome) => {
    given(history.appealed)
      .when(decide(outcome, '2026-03-02'))
      .then([on.appealDecided('app-1', outcome, '2026-03-02')]);
  });

  it('records an outcome on the day the appeal was lodged (withdrawn at once)', () => {
    given(history.appealed)
      .when(decide('withdrawn', '2025-11-01'))
      .then([on.appealDecided('app-1', 'withdrawn', '2025-11-01')]);
  });

  it('records a concession after the LA has already decided to assess (reg 45: it will not oppose)', () => {
    given([...history.appealed, on.assessed('2025-12-01')])
      .when(decide('conceded', '2025-12-01'))
      .then([on.appealDecided('app-1', 'conceded', '2025-12-01')]);
  });

  it('records the outcome of an appeal against a cessation, which ends or keeps the plan', () => {
    const ceasingAppealed = [
      ...history.planMaintained,
      on.cessationDecided('2027-01-10'),
      on.appealLodged('app-1', 'cessation', '2027-02-01'),
    ];
    given(ceasingAppealed)
      .when(decide('order', '2027-05-03'))
      .then([on.appealDecided('app-1', 'order', '2027-05-03')]);
    given(ceasingAppealed)
      .when(decide('dismissed', '2027-05-03'))
      .then([on.appealDecided('app-1', 'dismissed', '2027-05-03')]);
  });

  it('refuses an unknown appeal: APPEAL_NOT_FOUND', () => {
    given(history.appealed)
      .when(decide('order', '2026-03-02', 'app-9'))
      .thenThrows('APPEAL_NOT_FOUND');
    given(history.refused).when(decide('order', '2026-03-02')).thenThrows('APPEAL_NOT_FOUND');
  });

  it('refuses a second outcome: APPEAL_OUTCOME_ALREADY_RECORDED', () => {
    given(history.orderedToAssess)
      .when(decide('dismissed', '2026-03-03'))
      .thenThrows('APPEAL_OUTCOME_ALREADY_RECORDED');
  });

  it('refuses an outcome dated before the appeal was lodged: APPEAL_OUTCOME_BEFORE_LODGED', () => {
    given(history.appealed).when(decide('order', '2025-10-31')).thenThrows('APPEAL_OUTCOME_BEFORE_LODGED');
  });

  it('refuses a date in the future (DATE_IN_FUTURE) or not a date (INVALID_DATE), naming decidedOn', () => {
    given(history.appealed)
      .when(decide('order', '2026-03-02', 'app-1', '2026-03-01'))
      .thenThrows('DATE_IN_FUTURE', 'decidedOn');
    given(history.appealed).when(decide('order', '2026-02-30')).thenThrows('INVALID_DATE', 'decidedOn');
  });

  it('refuses an outcome on a closed case (CASE_CLOSED) or a ceased plan (PLAN_CEASED)', () => {
    given([...history.appealed, on.closed('2025-12-01')])
      .when(decide('order', '2026-03-02'))
      .thenThrows('CASE_CLOSED');
    const ceased = [
      ...history.planMaintained,
      on.appealLodged('app-1', 'placement', '2026-02-01'),
      on.ceased(),
    ];
    given(ceased).when(decide('order', '2027-06-02')).thenThrows('PLAN_CEASED');
  });
});

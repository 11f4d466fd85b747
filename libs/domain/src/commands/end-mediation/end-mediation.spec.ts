import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const end = (endedOn: string, mediationId = 'med-1', today?: string) =>
  command('EndMediation', { mediationId, endedOn }, today);

// A mediation started on 1 Nov 2025 after the refusal of 6 Oct 2025 (history.mediating).
describe('EndMediation (2nd ed.; SEND Regs 2014 regs 33-37)', () => {
  it('ends a mediation', () => {
    given(history.mediating)
      .when(end('2025-12-01'))
      .then([on.mediationEnded('med-1', '2025-12-01')]);
  });

  it('ends a mediation on the day it started', () => {
    given(history.mediating)
      .when(end('2025-11-01'))
      .then([on.mediationEnded('med-1', '2025-11-01')]);
  });

  it('ends a mediation once the LA has reversed its decision, or after the plan ceased', () => {
    given([...history.mediating, on.assessed('2025-11-20')])
      .when(end('2025-12-01'))
      .then([on.mediationEnded('med-1', '2025-12-01')]);
    given([...history.ceased, on.mediationStarted('med-1', '2027-06-02')])
      .when(end('2027-06-20'))
      .then([on.mediationEnded('med-1', '2027-06-20')]);
  });

  it('refuses an unknown mediation: MEDIATION_NOT_FOUND', () => {
    given(history.mediating).when(end('2025-12-01', 'med-9')).thenThrows('MEDIATION_NOT_FOUND');
  });

  it('refuses a mediation already ended: MEDIATION_ALREADY_ENDED', () => {
    given([...history.mediating, on.mediationEnded('med-1', '2025-12-01')])
      .when(end('2025-12-02'))
      .thenThrows('MEDIATION_ALREADY_ENDED');
  });

  it('refuses an end before the start: MEDIATION_END_BEFORE_START', () => {
    given(history.mediating).when(end('2025-10-31')).thenThrows('MEDIATION_END_BEFORE_START');
  });

  it('refuses a date in the future (DATE_IN_FUTURE) or not a date (INVALID_DATE), naming endedOn', () => {
    given(history.mediating)
      .when(end('2025-12-02', 'med-1', '2025-12-01'))
      .thenThrows('DATE_IN_FUTURE', 'endedOn');
    given(history.mediating).when(end('1 Dec 2025')).thenThrows('INVALID_DATE', 'endedOn');
  });

  it('refuses on a closed case: CASE_CLOSED', () => {
    given([...history.mediating, on.closed('2025-12-10')])
      .when(end('2025-12-10'))
      .thenThrows('CASE_CLOSED');
  });
});

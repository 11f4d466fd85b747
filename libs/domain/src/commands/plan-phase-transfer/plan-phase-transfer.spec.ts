import type { PhaseTransferKind } from '../../ehcp-case/ehcp-case.vocabulary';
import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const plan = (
  transferYear: number,
  today: string,
  kind: PhaseTransferKind = 'school_phase',
  transferId = 'tr-1',
) => command('PlanPhaseTransfer', { transferId, kind, transferYear }, today);

describe('PlanPhaseTransfer', () => {
  it('plans a transfer; the clock starts on the day it is recorded', () => {
    given(history.planMaintained)
      .when(plan(2028, '2026-03-01'))
      .then([on.transferPlanned('tr-1', 'school_phase', 2028, '2026-03-01')]);
  });

  it('accepts a school-phase transfer recorded on 14 February of the transfer year, the last compliant day', () => {
    given(history.planMaintained)
      .when(plan(2026, '2026-02-14'))
      .then([on.transferPlanned('tr-1', 'school_phase', 2026, '2026-02-14')]);
  });

  it('refuses a school-phase transfer recorded after 14 February of its year: PHASE_TRANSFER_DEADLINE_PASSED', () => {
    given(history.planMaintained).when(plan(2026, '2026-02-15')).thenThrows('PHASE_TRANSFER_DEADLINE_PASSED');
  });

  it('accepts a post-16 transfer until 30 March of its year', () => {
    given(history.planMaintained)
      .when(plan(2026, '2026-03-30', 'post16'))
      .then([on.transferPlanned('tr-1', 'post16', 2026, '2026-03-30')]);
    given(history.planMaintained)
      .when(plan(2026, '2026-03-31', 'post16'))
      .thenThrows('PHASE_TRANSFER_DEADLINE_PASSED');
  });

  it('refuses a year that is not whole or too far ahead: INVALID_TRANSFER_YEAR', () => {
    given(history.planMaintained)
      .when(plan(2027.5, '2026-03-01'))
      .thenThrows('INVALID_TRANSFER_YEAR', 'transferYear');
    given(history.planMaintained)
      .when(plan(2052, '2026-03-01'))
      .thenThrows('INVALID_TRANSFER_YEAR', 'transferYear');
  });

  it('refuses before the final plan: PHASE_TRANSFER_BEFORE_FINAL_PLAN', () => {
    given(history.draftIssued).when(plan(2028, '2026-01-01')).thenThrows('PHASE_TRANSFER_BEFORE_FINAL_PLAN');
  });

  it('refuses a used transfer id: PHASE_TRANSFER_ALREADY_EXISTS', () => {
    given([...history.planMaintained, on.transferPlanned()])
      .when(plan(2029, '2026-04-01'))
      .thenThrows('PHASE_TRANSFER_ALREADY_EXISTS');
  });
});

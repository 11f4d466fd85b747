import type { YearTransferKind } from '../../ehcp-case/ehcp-case.vocabulary';
import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const plan = (
  transferYear: number,
  today: string,
  kind: YearTransferKind = 'school_phase',
  transferId = 'tr-1',
) => command('PlanPhaseTransfer', { transferId, kind, transferYear }, today);
const post16Institution = (transferOn: string | undefined, today: string, transferId = 'tr-1') =>
  command('PlanPhaseTransfer', { transferId, kind: 'post16_institution', transferOn }, today);

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

  it('(2nd ed.) records a school-phase transfer after 14 February of its year: a case backfilled from paper files', () => {
    given(history.planMaintained)
      .when(plan(2026, '2026-02-15'))
      .then([on.transferPlanned('tr-1', 'school_phase', 2026, '2026-02-15')]);
    given(history.planMaintained)
      .when(plan(2026, '2027-06-01'))
      .then([on.transferPlanned('tr-1', 'school_phase', 2026, '2027-06-01')]);
  });

  it('(2nd ed.) records a post-16 transfer on and after 30 March of its year', () => {
    given(history.planMaintained)
      .when(plan(2026, '2026-03-30', 'post16'))
      .then([on.transferPlanned('tr-1', 'post16', 2026, '2026-03-30')]);
    given(history.planMaintained)
      .when(plan(2026, '2026-03-31', 'post16'))
      .then([on.transferPlanned('tr-1', 'post16', 2026, '2026-03-31')]);
  });

  it('refuses a year that is missing, not whole, too far ahead or before 1990: INVALID_TRANSFER_YEAR', () => {
    for (const year of [2027.5, 2052, 1989, undefined]) {
      given(history.planMaintained)
        .when(
          command(
            'PlanPhaseTransfer',
            { transferId: 'tr-1', kind: 'school_phase', transferYear: year },
            '2026-03-01',
          ),
        )
        .thenThrows('INVALID_TRANSFER_YEAR', 'transferYear');
    }
  });

  describe('(2nd ed.) between post-16 institutions on a date T (reg 18(2))', () => {
    it('records the planned date, which may lie in the future', () => {
      given(history.planMaintained)
        .when(post16Institution('2028-07-31', '2026-03-01'))
        .then([on.post16TransferPlanned('tr-1', '2028-07-31', '2026-03-01')]);
    });

    it('records a transfer whose date (and its 5 months before) has passed', () => {
      given(history.planMaintained)
        .when(post16Institution('2026-01-05', '2026-03-01'))
        .then([on.post16TransferPlanned('tr-1', '2026-01-05', '2026-03-01')]);
    });

    it('refuses a missing, impossible, too early or too distant date: INVALID_DATE naming transferOn', () => {
      for (const transferOn of [undefined, '2027-02-30', '1989-12-31', '2052-01-01']) {
        given(history.planMaintained)
          .when(post16Institution(transferOn, '2026-03-01'))
          .thenThrows('INVALID_DATE', 'transferOn');
      }
    });

    it('refuses before the final plan and a used id, like any transfer', () => {
      given(history.draftIssued)
        .when(post16Institution('2028-07-31', '2026-01-01'))
        .thenThrows('PHASE_TRANSFER_BEFORE_FINAL_PLAN');
      given([...history.planMaintained, on.transferPlanned()])
        .when(post16Institution('2028-07-31', '2026-04-01'))
        .thenThrows('PHASE_TRANSFER_ALREADY_EXISTS');
    });
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

import type { PlanPhaseTransfer } from '../../ehcp-case/ehcp-case.commands';
import type { PhaseTransferPlanned } from '../../ehcp-case/ehcp-case.events';
import { refuse, requireCase, requireNewId, requireStage } from '../../ehcp-case/ehcp-case.guards';
import { MAINTAINED_STAGES, type EhcpCaseState } from '../../ehcp-case/ehcp-case.state';
import type { TransferTiming } from '../../ehcp-case/ehcp-case.vocabulary';
import { assertIsoDate, EARLIEST_FACT_DATE, yearOf } from '../../shared/local-date';

/** A plan lasts to 25 at the latest: no phase transfer lies further ahead than that. */
const MAX_YEARS_AHEAD = 25;

/**
 * reg 18: a transfer between phases fixes a deadline in the transfer year (14 February, or 30 March
 * into post-16; reg 18(1)); (2nd ed.) one between post-16 institutions on date T is due 5 months
 * before it (reg 18(2)). `transferYear` and `transferOn` are planned dates and may lie in the
 * future. (2nd ed.) A transfer whose statutory date has passed is recorded like any other (a case
 * backfilled from paper files): its deadline shows met, met late or overdue. (2nd ed.) In every stage
 * where the plan is maintained (MAINTAINED_STAGES).
 */
export function planPhaseTransfer(
  { data, today }: PlanPhaseTransfer,
  state: EhcpCaseState,
): [PhaseTransferPlanned] {
  const current = requireCase(state);
  const timing = transferTiming(data, yearOf(today) + MAX_YEARS_AHEAD);
  requireStage(current, {
    allowed: MAINTAINED_STAGES,
    early: ['PHASE_TRANSFER_BEFORE_FINAL_PLAN', 'Phase transfers are planned for a maintained plan'],
  });
  requireNewId(
    current.phaseTransfers.some((t) => t.transferId === data.transferId),
    'PHASE_TRANSFER_ALREADY_EXISTS',
    `Phase transfer ${data.transferId}`,
  );
  return [
    { type: 'PhaseTransferPlanned', data: { transferId: data.transferId, ...timing, plannedOn: today } },
  ];
}

/** The transfer's year (school phase, post-16) or date (between post-16 institutions), checked. */
function transferTiming(data: PlanPhaseTransfer['data'], lastYear: number): TransferTiming {
  if (data.kind === 'post16_institution') {
    const transferOn = data.transferOn;
    assertIsoDate(transferOn, 'transferOn');
    if (transferOn < EARLIEST_FACT_DATE || yearOf(transferOn) > lastYear) {
      refuse([
        'INVALID_DATE',
        `transferOn must lie from ${EARLIEST_FACT_DATE} to the end of ${lastYear}`,
        'transferOn',
      ]);
    }
    return { kind: data.kind, transferOn };
  }
  const transferYear = data.transferYear;
  const firstYear = yearOf(EARLIEST_FACT_DATE);
  if (
    transferYear === undefined ||
    !Number.isInteger(transferYear) ||
    transferYear < firstYear ||
    transferYear > lastYear
  ) {
    refuse([
      'INVALID_TRANSFER_YEAR',
      `transferYear must be a whole year from ${firstYear} to ${lastYear}`,
      'transferYear',
    ]);
  }
  return { kind: data.kind, transferYear };
}

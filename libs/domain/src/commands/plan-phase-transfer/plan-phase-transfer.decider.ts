import type { PlanPhaseTransfer } from '../../ehcp-case/ehcp-case.commands';
import type { PhaseTransferPlanned } from '../../ehcp-case/ehcp-case.events';
import { phaseTransferDueOn } from '../../deadlines/deadline.rules';
import { refuse, requireCase, requireNewId, requireStage } from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';
import { yearOf } from '../../shared/local-date';

/** A plan lasts to 25 at the latest: no phase transfer lies further ahead than that. */
const MAX_YEARS_AHEAD = 25;

/**
 * reg 18(1): a transfer between phases fixes a deadline in the transfer year (14 February, or 30
 * March into post-16). The clock starts the day the transfer is recorded (`today`); a transfer whose
 * statutory date has already passed cannot be planned any more.
 */
export function planPhaseTransfer(
  { data, today }: PlanPhaseTransfer,
  state: EhcpCaseState,
): [PhaseTransferPlanned] {
  const current = requireCase(state);
  const year = yearOf(today);
  if (!Number.isInteger(data.transferYear) || data.transferYear > year + MAX_YEARS_AHEAD) {
    refuse([
      'INVALID_TRANSFER_YEAR',
      `transferYear must be a whole year no later than ${year + MAX_YEARS_AHEAD}`,
      'transferYear',
    ]);
  }
  requireStage(current, {
    allowed: ['plan_maintained'],
    early: ['PHASE_TRANSFER_BEFORE_FINAL_PLAN', 'Phase transfers are planned for a maintained plan'],
  });
  requireNewId(
    current.phaseTransfers.some((t) => t.transferId === data.transferId),
    'PHASE_TRANSFER_ALREADY_EXISTS',
    `Phase transfer ${data.transferId}`,
  );
  const dueOn = phaseTransferDueOn(data.kind, data.transferYear);
  if (dueOn < today) {
    refuse([
      'PHASE_TRANSFER_DEADLINE_PASSED',
      `The reg 18 date for a ${data.transferYear} transfer (${dueOn}) has passed`,
    ]);
  }
  return [
    {
      type: 'PhaseTransferPlanned',
      data: {
        transferId: data.transferId,
        kind: data.kind,
        transferYear: data.transferYear,
        plannedOn: today,
      },
    },
  ];
}

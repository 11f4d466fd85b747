import type { KeepPlanUnchanged } from '../../ehcp-case/ehcp-case.commands';
import type { PlanKeptUnchanged } from '../../ehcp-case/ehcp-case.events';
import { refuse, requireCase, requireNotBefore, requirePastDate } from '../../ehcp-case/ehcp-case.guards';
import { openReassessment, type EhcpCaseState, type Reassessment } from '../../ehcp-case/ehcp-case.state';
import { reassessDecidedOn, requireReassessment } from '../../ehcp-case/reassessment.guards';

/**
 * (2nd ed.) reg 27(2)(b): the re-assessment ends with notice that the plan stays unchanged; it meets
 * reassessment_plan like a final plan would. Only the open re-assessment ends so, not before the
 * decision that opened it.
 */
export function keepPlanUnchanged(
  { data, today }: KeepPlanUnchanged,
  state: EhcpCaseState,
): [PlanKeptUnchanged] {
  const current = requireCase(state);
  const decidedOn = requirePastDate(data.decidedOn, 'decidedOn', today);
  const request = requireReassessment(current, data.requestId);
  if (openReassessment(current)?.requestId !== request.requestId)
    refuse(['REASSESSMENT_NOT_OPEN', `Re-assessment request ${request.requestId} ${whyNotOpen(request)}`]);
  requireNotBefore(decidedOn, reassessDecidedOn(request), [
    'REASSESSMENT_NOT_OPEN',
    'The re-assessment was not yet open: notice that the plan stays unchanged follows the decision to re-assess',
  ]);
  return [{ type: 'PlanKeptUnchanged', data: { requestId: request.requestId, decidedOn } }];
}

function whyNotOpen(request: Reassessment): string {
  if (request.plan !== null) return `ended with the plan issued on ${request.plan.issuedOn}`;
  if (request.unchangedOn !== null) return `ended with the plan unchanged on ${request.unchangedOn}`;
  if (request.decision?.decision === 'refuse') return `was refused on ${request.decision.decidedOn}`;
  return 'has not been decided: the plan is re-assessed once the council decides to';
}

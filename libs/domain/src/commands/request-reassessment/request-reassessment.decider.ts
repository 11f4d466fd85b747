import type { RequestReassessment } from '../../ehcp-case/ehcp-case.commands';
import type { ReassessmentRequested } from '../../ehcp-case/ehcp-case.events';
import {
  refuse,
  requireCase,
  requireNewId,
  requireNotBefore,
  requirePastDate,
  requireStage,
} from '../../ehcp-case/ehcp-case.guards';
import { MAINTAINED_STAGES, openReassessment, type EhcpCaseState } from '../../ehcp-case/ehcp-case.state';
import { planMaintainedSince } from '../../ehcp-case/reassessment.guards';

const BEFORE_PLAN = [
  'REASSESSMENT_BEFORE_FINAL_PLAN',
  'Only a maintained plan is re-assessed: the request follows the final plan',
] as const;

/**
 * (2nd ed.) reg 24: a request to re-assess the maintained plan, from the parent, the young person or
 * the institution, or the LA's own initiative (`local_authority`). One re-assessment at a time; a
 * plan under a decision to cease is still maintained, so it may be re-assessed. A request answered
 * by the family opens reassessment_decision (reg 25).
 */
export function requestReassessment(
  { data, today }: RequestReassessment,
  state: EhcpCaseState,
): [ReassessmentRequested] {
  const current = requireCase(state);
  const receivedOn = requirePastDate(data.receivedOn, 'receivedOn', today);
  requireStage(current, { allowed: MAINTAINED_STAGES, early: BEFORE_PLAN });
  requireNewId(
    current.reassessments.some((r) => r.requestId === data.requestId),
    'REASSESSMENT_REQUEST_ALREADY_EXISTS',
    `Re-assessment request ${data.requestId}`,
  );
  const open = openReassessment(current);
  if (open !== undefined)
    refuse(['REASSESSMENT_ALREADY_OPEN', `Re-assessment ${open.requestId} is still open`]);
  requireNotBefore(receivedOn, planMaintainedSince(current), BEFORE_PLAN);
  return [
    {
      type: 'ReassessmentRequested',
      data: { requestId: data.requestId, receivedOn, requestedBy: data.requestedBy },
    },
  ];
}

import type { DecideReassessment } from '../../ehcp-case/ehcp-case.commands';
import type { ReassessmentDecisionMade } from '../../ehcp-case/ehcp-case.events';
import { refuse, requireCase, requireNotBefore, requirePastDate } from '../../ehcp-case/ehcp-case.guards';
import {
  openReassessment,
  type EhcpCase,
  type EhcpCaseState,
  type Reassessment,
} from '../../ehcp-case/ehcp-case.state';
import { requireReassessment } from '../../ehcp-case/reassessment.guards';

/**
 * (2nd ed.) reg 25: whether to re-assess, notified on `decidedOn`. "reassess" opens the
 * re-assessment (and reassessment_plan, reg 27(2)); one at a time. A refusal is appealable: a later
 * "reassess" on a refused request records the refusal reversed (e.g. after an appeal), as for the
 * decision whether to assess.
 */
export function decideReassessment(
  { data, today }: DecideReassessment,
  state: EhcpCaseState,
): [ReassessmentDecisionMade] {
  const current = requireCase(state);
  const decidedOn = requirePastDate(data.decidedOn, 'decidedOn', today);
  const request = requireReassessment(current, data.requestId);
  if (request.decision !== null) requireReversal(request, data.decision, decidedOn);
  requireNotBefore(decidedOn, request.receivedOn, [
    'DATE_BEFORE_REQUEST',
    'Decided before the re-assessment request',
  ]);
  if (data.decision === 'reassess') requireNoneOpen(current);
  return [
    {
      type: 'ReassessmentDecisionMade',
      data: { requestId: data.requestId, decision: data.decision, decidedOn },
    },
  ];
}

/** Only a refusal can be decided again, and only reversed ("reassess"), not before the refusal. */
function requireReversal(
  request: Reassessment,
  decision: DecideReassessment['data']['decision'],
  decidedOn: string,
): void {
  const standing = request.decision;
  if (standing?.decision !== 'refuse' || decision === 'refuse') {
    refuse([
      'REASSESSMENT_ALREADY_DECIDED',
      `Re-assessment request ${request.requestId} was decided on ${standing?.decidedOn}`,
    ]);
  }
  requireNotBefore(decidedOn, standing.decidedOn, [
    'REVERSAL_BEFORE_DECISION',
    'Reversal dated before the refusal to re-assess',
  ]);
}

function requireNoneOpen(current: EhcpCase): void {
  const open = openReassessment(current);
  if (open !== undefined)
    refuse(['REASSESSMENT_ALREADY_OPEN', `Re-assessment ${open.requestId} is still open`]);
}

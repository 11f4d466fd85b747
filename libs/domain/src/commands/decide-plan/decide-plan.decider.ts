import type { DecidePlan } from '../../ehcp-case/ehcp-case.commands';
import type { PlanDecisionMade } from '../../ehcp-case/ehcp-case.events';
import {
  refuse,
  requireCase,
  requireNotBefore,
  requirePastDate,
  requireStage,
} from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCase, EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

const ALREADY_MADE = [
  'PLAN_DECISION_ALREADY_MADE',
  'The decision whether to issue a plan has been made',
] as const;

/**
 * reg 10(1): the decision whether to issue a plan, after the decision to assess. "Not issue" is
 * appealable: a later decision to issue on a not-issued case records it reversed.
 */
export function decidePlan({ data, today }: DecidePlan, state: EhcpCaseState): [PlanDecisionMade] {
  const current = requireCase(state);
  const decidedOn = requirePastDate(data.decidedOn, 'decidedOn', today);
  requireStage(current, {
    allowed: ['assessing', 'not_issued'],
    early: ['PLAN_DECISION_BEFORE_ASSESSMENT_DECISION', 'The council has not decided to assess'],
    late: ALREADY_MADE,
  });
  if (current.stage === 'not_issued') requireReversal(current, data.decision, decidedOn);
  const assessed = current.assessmentDecisions[current.assessmentDecisions.length - 1];
  requireNotBefore(decidedOn, assessed.decidedOn, [
    'PLAN_DECISION_BEFORE_ASSESSMENT_DECISION',
    'Plan decision dated before the decision to assess',
  ]);
  return [{ type: 'PlanDecisionMade', data: { decision: data.decision, decidedOn } }];
}

function requireReversal(
  current: EhcpCase,
  decision: DecidePlan['data']['decision'],
  decidedOn: string,
): void {
  if (decision === 'not_issue') refuse(ALREADY_MADE);
  const notIssued = current.planDecisions[current.planDecisions.length - 1];
  requireNotBefore(decidedOn, notIssued.decidedOn, [
    'REVERSAL_BEFORE_DECISION',
    'Reversal dated before the decision not to issue',
  ]);
}

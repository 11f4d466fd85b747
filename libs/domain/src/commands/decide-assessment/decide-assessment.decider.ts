import type { DecideAssessment } from '../../ehcp-case/ehcp-case.commands';
import type { AssessmentDecisionMade } from '../../ehcp-case/ehcp-case.events';
import {
  refuse,
  requireCase,
  requireNotBefore,
  requirePastDate,
  requireStage,
} from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCase, EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

const ALREADY_DECIDED = [
  'ASSESSMENT_ALREADY_DECIDED',
  'The decision whether to assess has been made',
] as const;

/**
 * reg 5(1): the decision whether to assess. A refusal is appealable: a later decision to assess on a
 * refused case records the refusal reversed (DOMAIN.md "unless the decision is later reversed").
 */
export function decideAssessment(
  { data, today }: DecideAssessment,
  state: EhcpCaseState,
): [AssessmentDecisionMade] {
  const current = requireCase(state);
  const decidedOn = requirePastDate(data.decidedOn, 'decidedOn', today);
  requireStage(current, { allowed: ['requested', 'refused_to_assess'], late: ALREADY_DECIDED });
  requireNotBefore(decidedOn, current.requestReceivedOn, [
    'DATE_BEFORE_REQUEST',
    'Decided before the request',
  ]);
  if (current.stage === 'refused_to_assess') requireReversal(current, data.decision, decidedOn);
  return [{ type: 'AssessmentDecisionMade', data: { decision: data.decision, decidedOn } }];
}

function requireReversal(
  current: EhcpCase,
  decision: DecideAssessment['data']['decision'],
  decidedOn: string,
): void {
  if (decision === 'refuse') refuse(ALREADY_DECIDED);
  const refusal = current.assessmentDecisions[current.assessmentDecisions.length - 1];
  requireNotBefore(decidedOn, refusal.decidedOn, [
    'REVERSAL_BEFORE_DECISION',
    'Reversal dated before the refusal',
  ]);
}

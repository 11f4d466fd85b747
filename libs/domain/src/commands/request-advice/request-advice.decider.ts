import type { RequestAdvice } from '../../ehcp-case/ehcp-case.commands';
import type { AdviceRequested } from '../../ehcp-case/ehcp-case.events';
import {
  requireCase,
  requireNewId,
  requireNotBefore,
  requirePastDate,
} from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCase, EhcpCaseState } from '../../ehcp-case/ehcp-case.state';
import {
  reassessDecidedOn,
  reassessmentInProgress,
  requireStageBeforePlan,
} from '../../ehcp-case/reassessment.guards';

const BEFORE_DECISION = [
  'ADVICE_BEFORE_ASSESSMENT_DECISION',
  'Advice is sought once the council decides to assess',
] as const;
const BEFORE_REASSESSMENT = [
  'ADVICE_BEFORE_ASSESSMENT_DECISION',
  'Advice for a re-assessment is sought once the council decides to re-assess',
] as const;

/**
 * reg 6: advice sought for the assessment; each request starts its own reg 8(1) clock. (2nd ed.)
 * While a re-assessment is open, advice is sought for it (reg 27 applies the assessment's steps),
 * from the decision to re-assess on.
 */
export function requestAdvice({ data, today }: RequestAdvice, state: EhcpCaseState): [AdviceRequested] {
  const current = requireCase(state);
  const requestedOn = requirePastDate(data.requestedOn, 'requestedOn', today);
  const reassessment = reassessmentInProgress(current);
  if (reassessment === undefined)
    requireStageBeforePlan(current, {
      allowed: ['assessing', 'drafting', 'draft_issued'],
      early: BEFORE_DECISION,
      late: ['FINAL_PLAN_ALREADY_ISSUED', 'The assessment ended with the final plan'],
    });
  requireNewId(
    current.advice.some((a) => a.adviceId === data.adviceId),
    'ADVICE_ALREADY_EXISTS',
    `Advice ${data.adviceId}`,
  );
  if (reassessment === undefined) requireNotBefore(requestedOn, assessedOn(current), BEFORE_DECISION);
  else requireNotBefore(requestedOn, reassessDecidedOn(reassessment), BEFORE_REASSESSMENT);
  return [{ type: 'AdviceRequested', data: { adviceId: data.adviceId, source: data.source, requestedOn } }];
}

/** The decision to assess that stands (the stage guarantees one). */
function assessedOn(current: EhcpCase): string {
  return current.assessmentDecisions[current.assessmentDecisions.length - 1].decidedOn;
}

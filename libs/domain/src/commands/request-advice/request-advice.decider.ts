import type { RequestAdvice } from '../../ehcp-case/ehcp-case.commands';
import type { AdviceRequested } from '../../ehcp-case/ehcp-case.events';
import {
  requireCase,
  requireNewId,
  requireNotBefore,
  requirePastDate,
  requireStage,
} from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

const BEFORE_DECISION = [
  'ADVICE_BEFORE_ASSESSMENT_DECISION',
  'Advice is sought once the council decides to assess',
] as const;

/** reg 6: advice sought for the assessment; each request starts its own reg 8(1) clock. */
export function requestAdvice({ data, today }: RequestAdvice, state: EhcpCaseState): [AdviceRequested] {
  const current = requireCase(state);
  const requestedOn = requirePastDate(data.requestedOn, 'requestedOn', today);
  requireStage(current, {
    allowed: ['assessing', 'drafting', 'draft_issued'],
    early: BEFORE_DECISION,
    late: ['FINAL_PLAN_ALREADY_ISSUED', 'The assessment ended with the final plan'],
  });
  requireNewId(
    current.advice.some((a) => a.adviceId === data.adviceId),
    'ADVICE_ALREADY_EXISTS',
    `Advice ${data.adviceId}`,
  );
  const decision = current.assessmentDecisions[current.assessmentDecisions.length - 1];
  requireNotBefore(requestedOn, decision.decidedOn, BEFORE_DECISION);
  return [{ type: 'AdviceRequested', data: { adviceId: data.adviceId, source: data.source, requestedOn } }];
}

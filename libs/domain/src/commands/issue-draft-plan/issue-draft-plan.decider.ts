import type { IssueDraftPlan } from '../../ehcp-case/ehcp-case.commands';
import type { DraftPlanIssued } from '../../ehcp-case/ehcp-case.events';
import { refuse, requireCase, requireNotBefore, requirePastDate } from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCaseState, Reassessment } from '../../ehcp-case/ehcp-case.state';
import {
  reassessDecidedOn,
  reassessmentInProgress,
  requireStageBeforePlan,
} from '../../ehcp-case/reassessment.guards';

const BEFORE_DECISION = [
  'DRAFT_BEFORE_PLAN_DECISION',
  'A draft follows the decision to issue a plan',
] as const;

/**
 * reg 13(1): the draft plan is served after the decision to issue; it opens the representation window.
 * (2nd ed.) While a re-assessment is open the draft is the re-assessment's (reg 27(2)(a)), one per
 * re-assessment, served after the decision to re-assess.
 */
export function issueDraftPlan({ data, today }: IssueDraftPlan, state: EhcpCaseState): [DraftPlanIssued] {
  const current = requireCase(state);
  const issuedOn = requirePastDate(data.issuedOn, 'issuedOn', today);
  const reassessment = reassessmentInProgress(current);
  if (reassessment !== undefined) return [reassessmentDraft(reassessment, issuedOn)];
  requireStageBeforePlan(current, {
    allowed: ['drafting'],
    early: BEFORE_DECISION,
    late: ['DRAFT_ALREADY_ISSUED', 'The draft plan has already been issued'],
  });
  const decision = current.planDecisions[current.planDecisions.length - 1];
  requireNotBefore(issuedOn, decision.decidedOn, BEFORE_DECISION);
  return [{ type: 'DraftPlanIssued', data: { issuedOn } }];
}

function reassessmentDraft(reassessment: Reassessment, issuedOn: string): DraftPlanIssued {
  if (reassessment.draftIssuedOn !== null)
    refuse([
      'DRAFT_ALREADY_ISSUED',
      `The re-assessment's draft plan was issued on ${reassessment.draftIssuedOn}`,
    ]);
  requireNotBefore(issuedOn, reassessDecidedOn(reassessment), [
    'DRAFT_BEFORE_PLAN_DECISION',
    'A draft after re-assessment follows the decision to re-assess',
  ]);
  return { type: 'DraftPlanIssued', data: { issuedOn } };
}

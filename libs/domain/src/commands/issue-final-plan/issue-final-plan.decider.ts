import type { IssueFinalPlan } from '../../ehcp-case/ehcp-case.commands';
import type { FinalPlanIssued } from '../../ehcp-case/ehcp-case.events';
import { representationWindowEnds } from '../../deadlines/deadline.rules';
import {
  known,
  refuse,
  requireCase,
  requireNotBefore,
  requirePastDate,
} from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCase, EhcpCaseState, Representation } from '../../ehcp-case/ehcp-case.state';
import { reassessmentInProgress, requireStageBeforePlan } from '../../ehcp-case/reassessment.guards';

const BEFORE_DRAFT = ['FINAL_PLAN_BEFORE_DRAFT', 'A final plan follows a served draft'] as const;

/** The draft a final plan follows and the representations made on it. */
interface DraftOnFile {
  readonly servedOn: string;
  readonly representations: readonly Representation[];
}

/**
 * reg 13(2): the final plan, naming a placement. reg 13(1) gives the parent / young person at least
 * 15 days from service of the draft (D .. D + 14) for representations: an earlier final plan is
 * refused unless their representations were received by the day it is issued. (2nd ed.) While a
 * re-assessment is open the final plan is the re-assessment's (reg 27(2)(a)): it follows the
 * re-assessment's draft and respects that draft's window; it never replaces the first plan.
 */
export function issueFinalPlan({ data, today }: IssueFinalPlan, state: EhcpCaseState): [FinalPlanIssued] {
  const current = requireCase(state);
  const issuedOn = requirePastDate(data.issuedOn, 'issuedOn', today);
  const draft = draftOnFile(current);
  requireNotBefore(issuedOn, draft.servedOn, BEFORE_DRAFT);
  const windowEnds = representationWindowEnds(draft.servedOn);
  const represented = draft.representations.some((r) => r.receivedOn <= issuedOn);
  if (issuedOn <= windowEnds && !represented) {
    refuse([
      'FINAL_PLAN_INSIDE_REPRESENTATION_WINDOW',
      `The representation window on the draft runs to ${windowEnds} and no representations are recorded`,
    ]);
  }
  const placement = { institution: data.placement.institution, type: data.placement.type };
  return [{ type: 'FinalPlanIssued', data: { issuedOn, placement } }];
}

/** The open re-assessment's draft, or the first plan's. */
function draftOnFile(current: EhcpCase): DraftOnFile {
  const reassessment = reassessmentInProgress(current);
  if (reassessment === undefined) {
    requireStageBeforePlan(current, {
      allowed: ['draft_issued'],
      early: BEFORE_DRAFT,
      late: ['FINAL_PLAN_ALREADY_ISSUED', 'The final plan has already been issued; amend it instead'],
    });
    const servedOn = known(current.draftIssuedOn, 'draft date');
    return { servedOn, representations: current.representations };
  }
  if (reassessment.draftIssuedOn === null)
    refuse([BEFORE_DRAFT[0], "A final plan after re-assessment follows the re-assessment's served draft"]);
  return { servedOn: reassessment.draftIssuedOn, representations: reassessment.representations };
}

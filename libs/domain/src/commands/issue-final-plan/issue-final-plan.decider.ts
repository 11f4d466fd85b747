import type { IssueFinalPlan } from '../../ehcp-case/ehcp-case.commands';
import type { FinalPlanIssued } from '../../ehcp-case/ehcp-case.events';
import { representationWindowEnds } from '../../deadlines/deadline.rules';
import {
  known,
  refuse,
  requireCase,
  requireNotBefore,
  requirePastDate,
  requireStage,
} from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

const BEFORE_DRAFT = ['FINAL_PLAN_BEFORE_DRAFT', 'A final plan follows a served draft'] as const;

/**
 * reg 13(2): the final plan, naming a placement. reg 13(1) gives the parent / young person at least
 * 15 days from service of the draft (D .. D + 14) for representations: an earlier final plan is
 * refused unless their representations were received by the day it is issued.
 */
export function issueFinalPlan({ data, today }: IssueFinalPlan, state: EhcpCaseState): [FinalPlanIssued] {
  const current = requireCase(state);
  const issuedOn = requirePastDate(data.issuedOn, 'issuedOn', today);
  requireStage(current, {
    allowed: ['draft_issued'],
    early: BEFORE_DRAFT,
    late: ['FINAL_PLAN_ALREADY_ISSUED', 'The final plan has already been issued; amend it instead'],
  });
  const draftOn = known(current.draftIssuedOn, 'draft date');
  requireNotBefore(issuedOn, draftOn, BEFORE_DRAFT);
  const windowEnds = representationWindowEnds(draftOn);
  const represented = current.representations.some((r) => r.receivedOn <= issuedOn);
  if (issuedOn <= windowEnds && !represented) {
    refuse([
      'FINAL_PLAN_INSIDE_REPRESENTATION_WINDOW',
      `The representation window on the draft runs to ${windowEnds} and no representations are recorded`,
    ]);
  }
  const placement = { institution: data.placement.institution, type: data.placement.type };
  return [{ type: 'FinalPlanIssued', data: { issuedOn, placement } }];
}

import type { IssueDraftPlan } from '../../ehcp-case/ehcp-case.commands';
import type { DraftPlanIssued } from '../../ehcp-case/ehcp-case.events';
import {
  requireCase,
  requireNotBefore,
  requirePastDate,
  requireStage,
} from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

const BEFORE_DECISION = [
  'DRAFT_BEFORE_PLAN_DECISION',
  'A draft follows the decision to issue a plan',
] as const;

/** reg 13(1): the draft plan is served after the decision to issue; it opens the representation window. */
export function issueDraftPlan({ data, today }: IssueDraftPlan, state: EhcpCaseState): [DraftPlanIssued] {
  const current = requireCase(state);
  const issuedOn = requirePastDate(data.issuedOn, 'issuedOn', today);
  requireStage(current, {
    allowed: ['drafting'],
    early: BEFORE_DECISION,
    late: ['DRAFT_ALREADY_ISSUED', 'The draft plan has already been issued'],
  });
  const decision = current.planDecisions[current.planDecisions.length - 1];
  requireNotBefore(issuedOn, decision.decidedOn, BEFORE_DECISION);
  return [{ type: 'DraftPlanIssued', data: { issuedOn } }];
}

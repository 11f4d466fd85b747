import type { EhcpCase, Reassessment } from '../ehcp-case/ehcp-case.state';
import { plusDays } from '../shared/local-date';
import type { DeadlineClock } from './deadline-clock';
import { REASSESSMENT_DECISION_DAYS, REASSESSMENT_PLAN_WEEKS, weeksAfter } from './deadline.rules';
import type { DeadlineOptions } from './deadline.types';

/**
 * (2nd ed.) reg 25 and reg 27(2): `reassessment_decision` (Q + 15) and `reassessment_plan` (S + 98),
 * one of each per re-assessment request (ref = its requestId). reg 27(3) exceptions apply to the
 * plan (EXCEPTION_REASONS_BY_KIND); a closed case or a ceased plan cancels them like any other.
 */
export function reassessmentClocks(state: EhcpCase, { counting }: DeadlineOptions): DeadlineClock[] {
  return state.reassessments.flatMap((request) => [
    ...decisionClock(request),
    ...planClock(request, counting),
  ]);
}

/**
 * reg 25: the decision whether to re-assess, within 15 calendar days of the request Q (no day-one
 * switch: a count of days, not weeks). Met by the first decision either way: a later "reassess"
 * reverses a refusal that had already answered the request. The LA's own initiative
 * (`local_authority`) opens none: there is no request to answer, and its decision is the notice
 * that opens `reassessment_plan`.
 */
function decisionClock(request: Reassessment): DeadlineClock[] {
  if (request.requestedBy === 'local_authority') return [];
  return [
    {
      kind: 'reassessment_decision',
      ref: request.requestId,
      startsOn: request.receivedOn,
      dueOn: plusDays(request.receivedOn, REASSESSMENT_DECISION_DAYS),
      metOn: request.decisions[0]?.decidedOn ?? null,
      cancelledOn: null,
    },
  ];
}

/**
 * reg 27(2): a decision to re-assess notified on S ends within 14 weeks (S + 98; the day-one switch
 * applies) with the final plan after re-assessment (reg 27(2)(a)) or notice that the plan stays
 * unchanged (reg 27(2)(b)), whichever comes. None while the request is undecided or refused.
 */
function planClock(request: Reassessment, counting: DeadlineOptions['counting']): DeadlineClock[] {
  const decision = request.decision;
  if (decision?.decision !== 'reassess') return [];
  return [
    {
      kind: 'reassessment_plan',
      ref: request.requestId,
      startsOn: decision.decidedOn,
      dueOn: weeksAfter(decision.decidedOn, REASSESSMENT_PLAN_WEEKS, counting),
      metOn: request.plan?.issuedOn ?? request.unchangedOn,
      cancelledOn: null,
    },
  ];
}

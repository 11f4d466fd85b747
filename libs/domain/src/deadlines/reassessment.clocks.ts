import type { EhcpCase, Reassessment } from '../ehcp-case/ehcp-case.state';
import { plusDays } from '../shared/local-date';
import type { DeadlineClock } from './deadline-clock';
import { REASSESSMENT_DECISION_DAYS, REASSESSMENT_PLAN_WEEKS, weeksAfter } from './deadline.rules';
import type { DeadlineOptions } from './deadline.types';
import { orderedOnOf } from './order.clocks';

/**
 * (2nd ed.) reg 25 and reg 27(2): `reassessment_decision` (Q + 15) and `reassessment_plan` (S + 98),
 * one of each per re-assessment request (ref = its requestId). reg 27(3) exceptions apply to the
 * plan (EXCEPTION_REASONS_BY_KIND); a closed case or a ceased plan cancels them like any other.
 */
export function reassessmentClocks(state: EhcpCase, { counting }: DeadlineOptions): DeadlineClock[] {
  // Most cases have no re-assessment: their appeals are not searched for an order to re-assess.
  if (state.reassessments.length === 0) return [];
  const orderedOn = firstOrderToReassessOn(state);
  return state.reassessments.flatMap((request) => [
    ...decisionClock(request),
    ...planClock(request, counting, orderedOn),
  ]);
}

/**
 * The day of the first order (or concession) on an appeal against a refusal to re-assess, or null.
 * A re-assessment decided on or after it is the order's: its `order_*` clocks govern (DOMAIN.md "An
 * order cancels the deadlines of the path it replaces"), so its reassessment_plan is cancelled.
 */
function firstOrderToReassessOn(state: EhcpCase): string | null {
  const days = state.appeals
    .filter((appeal) => appeal.against === 'refusal_to_reassess')
    .flatMap((appeal) => orderedOnOf(appeal) ?? []);
  return days.sort().at(0) ?? null;
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
function planClock(
  request: Reassessment,
  counting: DeadlineOptions['counting'],
  orderedOn: string | null,
): DeadlineClock[] {
  const decision = request.decision;
  if (decision?.decision !== 'reassess') return [];
  const byOrder = orderedOn !== null && decision.decidedOn >= orderedOn;
  return [
    {
      kind: 'reassessment_plan',
      ref: request.requestId,
      startsOn: decision.decidedOn,
      dueOn: weeksAfter(decision.decidedOn, REASSESSMENT_PLAN_WEEKS, counting),
      metOn: byOrder ? null : (request.plan?.issuedOn ?? request.unchangedOn),
      cancelledOn: byOrder ? decision.decidedOn : null,
    },
  ];
}

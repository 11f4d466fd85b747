import type { Appeal, EhcpCase, Reassessment } from '../ehcp-case/ehcp-case.state';
import type { AppealSubject } from '../ehcp-case/ehcp-case.vocabulary';
import { assertNever } from '../shared/assert-never';
import type { DeadlineClock } from './deadline-clock';
import { ORDER_WEEKS, weeksAfter } from './deadline.rules';
import {
  ORDER_DEADLINE_KINDS,
  type DeadlineKind,
  type DeadlineOptions,
  type OrderDeadlineKind,
} from './deadline.types';

/** What an order's step needs of the case: the day the fact that meets it, or cancels it, is dated. */
type Compliance = Pick<DeadlineClock, 'metOn' | 'cancelledOn'>;
type OrderedSubject = Exclude<AppealSubject, 'cessation'>;

const OPEN: Compliance = { metOn: null, cancelledOn: null };

/**
 * (2nd ed.) SEND Regs 2014 reg 44(2), reg 45 (DOMAIN.md "Appeals and Tribunal orders"): an appeal
 * whose outcome is an order, or a concession (the LA's notice that it will not oppose), dated O
 * opens the steps of ORDER_WEEKS for the decision appealed, each due O + 7 * weeks (the day-one
 * switch applies: they are week counts), referenced by the appeal. Only facts dated on or after O
 * comply with an order: what the LA did before it is what was appealed. An appeal against a
 * cessation opens none (an order withdraws the cessation: cessation.rules.ts).
 */
export function orderClocks(state: EhcpCase, { counting }: DeadlineOptions): DeadlineClock[] {
  return state.appeals.flatMap((appeal) => {
    const orderedOn = orderedOnOf(appeal);
    if (orderedOn === null || appeal.against === 'cessation') return [];
    const against = appeal.against;
    const weeksOf = ORDER_WEEKS[against];
    return ORDER_DEADLINE_KINDS.flatMap((kind): DeadlineClock[] => {
      const weeks = weeksOf[kind];
      if (weeks === undefined) return [];
      return [
        {
          kind,
          ref: appeal.appealId,
          startsOn: orderedOn,
          dueOn: weeksAfter(orderedOn, weeks, counting),
          ...complianceOf(state, against, kind, orderedOn),
        },
      ];
    });
  });
}

/** The day of the order or the concession; null for an appeal pending, dismissed or withdrawn. */
export function orderedOnOf(appeal: Appeal): string | null {
  const outcome = appeal.outcome;
  return outcome !== null && (outcome.outcome === 'order' || outcome.outcome === 'conceded')
    ? outcome.decidedOn
    : null;
}

/**
 * The initial-assessment deadlines an order replaces, with the day each stays cancelled from
 * (DOMAIN.md: "An order cancels the deadlines of the path it replaces ... the order's clock
 * governs"). After an order or concession on the refusal to assess, the LA's later decision to
 * assess does not reopen the original plan_decision and final_plan: they stay cancelled by the
 * refusal. After one on "not issue", the original final_plan stays cancelled by that decision.
 * Without an order, a later decision reverses the refusal and reopens them (deadline.calculator.ts).
 */
export function deadlinesReplacedByOrders(state: EhcpCase): { readonly [K in DeadlineKind]?: string } {
  const refusedOn = ordered(state, 'refusal_to_assess')
    ? lastDecisionOn(state.assessmentDecisions, 'refuse')
    : null;
  if (refusedOn !== null) return { plan_decision: refusedOn, final_plan: refusedOn };
  const notIssuedOn = ordered(state, 'not_issue') ? lastDecisionOn(state.planDecisions, 'not_issue') : null;
  return notIssuedOn === null ? {} : { final_plan: notIssuedOn };
}

function ordered(state: EhcpCase, against: AppealSubject): boolean {
  return state.appeals.some((appeal) => appeal.against === against && orderedOnOf(appeal) !== null);
}

function lastDecisionOn<D extends string>(
  decisions: readonly { readonly decision: D; readonly decidedOn: string }[],
  decision: D,
): string | null {
  return decisions.findLast((d) => d.decision === decision)?.decidedOn ?? null;
}

/** DOMAIN.md "What meets them", per decision appealed. */
function complianceOf(
  state: EhcpCase,
  against: OrderedSubject,
  kind: OrderDeadlineKind,
  orderedOn: string,
): Compliance {
  switch (against) {
    case 'refusal_to_assess':
      return assessmentCompliance(state, kind, orderedOn);
    case 'refusal_to_reassess':
      return reassessmentCompliance(state, kind, orderedOn);
    case 'not_issue':
      return planCompliance(state, kind, orderedOn);
    case 'plan_contents':
    case 'placement':
      return amendmentCompliance(state, orderedOn);
    default:
      return assertNever(against);
  }
}

/**
 * An order to assess: the decision to assess meets order_assessment_notice; the first plan decision
 * after the order meets order_plan_decision if "not issue" and cancels it if "issue" (reg 10(1) binds
 * only "not issue", as for plan_decision); the final plan meets order_final_plan, which a standing
 * "not issue" cancels (as it cancels final_plan: that decision is appealable in turn).
 */
function assessmentCompliance(state: EhcpCase, kind: OrderDeadlineKind, orderedOn: string): Compliance {
  const after = onOrAfter(orderedOn);
  switch (kind) {
    case 'order_assessment_notice':
      return met(state.assessmentDecisions.find((d) => d.decision === 'assess' && after(d.decidedOn)));
    case 'order_plan_decision': {
      const decision = state.planDecisions.find((d) => after(d.decidedOn));
      if (decision === undefined) return OPEN;
      return decision.decision === 'not_issue'
        ? { metOn: decision.decidedOn, cancelledOn: null }
        : { metOn: null, cancelledOn: decision.decidedOn };
    }
    case 'order_final_plan': {
      const issuedOn = state.finalPlan?.issuedOn;
      if (issuedOn !== undefined && after(issuedOn)) return { metOn: issuedOn, cancelledOn: null };
      const latest = state.planDecisions.at(-1);
      return latest?.decision === 'not_issue' && after(latest.decidedOn)
        ? { metOn: null, cancelledOn: latest.decidedOn }
        : OPEN;
    }
    default:
      return OPEN;
  }
}

/**
 * An order to re-assess: the decision to re-assess meets order_assessment_notice; that
 * re-assessment's notice that the plan stays unchanged is its decision not to issue (meets
 * order_plan_decision, cancels order_final_plan), and its draft (or plan) its decision to issue
 * (cancels order_plan_decision); its plan meets order_final_plan.
 */
function reassessmentCompliance(state: EhcpCase, kind: OrderDeadlineKind, orderedOn: string): Compliance {
  const after = onOrAfter(orderedOn);
  const reassessment = firstReassessmentFrom(state, orderedOn);
  if (reassessment === undefined) return OPEN;
  const unchangedOn = keep(reassessment.unchangedOn, after);
  switch (kind) {
    case 'order_assessment_notice':
      return { metOn: reassessment.decision?.decidedOn ?? null, cancelledOn: null };
    case 'order_plan_decision': {
      const issuingOn = keep(reassessment.draftIssuedOn ?? reassessment.plan?.issuedOn ?? null, after);
      return unchangedOn !== null
        ? { metOn: unchangedOn, cancelledOn: null }
        : { metOn: null, cancelledOn: issuingOn };
    }
    case 'order_final_plan': {
      const planOn = keep(reassessment.plan?.issuedOn ?? null, after);
      return planOn !== null
        ? { metOn: planOn, cancelledOn: null }
        : { metOn: null, cancelledOn: unchangedOn };
    }
    default:
      return OPEN;
  }
}

/** The re-assessment the LA decided on or after the order: the earliest such decision. */
function firstReassessmentFrom(state: EhcpCase, orderedOn: string): Reassessment | undefined {
  return state.reassessments
    .flatMap((r) =>
      r.decision?.decision === 'reassess' && r.decision.decidedOn >= orderedOn
        ? [{ r, on: r.decision.decidedOn }]
        : [],
    )
    .sort((a, b) => a.on.localeCompare(b.on))
    .at(0)?.r;
}

/** An order to make and maintain a plan: the draft served meets order_draft_plan, the final plan order_final_plan. */
function planCompliance(state: EhcpCase, kind: OrderDeadlineKind, orderedOn: string): Compliance {
  const after = onOrAfter(orderedOn);
  switch (kind) {
    case 'order_draft_plan':
      return { metOn: keep(state.draftIssuedOn, after), cancelledOn: null };
    case 'order_final_plan':
      return { metOn: keep(state.finalPlan?.issuedOn ?? null, after), cancelledOn: null };
    default:
      return OPEN;
  }
}

/** An order to amend the plan (contents, or section I only): the earliest amended plan issued on or after O. */
function amendmentCompliance(state: EhcpCase, orderedOn: string): Compliance {
  const amendedOn = state.amendmentNotices
    .flatMap((notice) => (notice.amendedPlan === null ? [] : [notice.amendedPlan.issuedOn]))
    .filter(onOrAfter(orderedOn))
    .sort()
    .at(0);
  return { metOn: amendedOn ?? null, cancelledOn: null };
}

function onOrAfter(orderedOn: string): (day: string) => boolean {
  return (day) => day >= orderedOn;
}

function keep(day: string | null, when: (day: string) => boolean): string | null {
  return day !== null && when(day) ? day : null;
}

function met(decision: { readonly decidedOn: string } | undefined): Compliance {
  return { metOn: decision?.decidedOn ?? null, cancelledOn: null };
}

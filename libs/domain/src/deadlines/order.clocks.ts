import type { Appeal, EhcpCase, Reassessment } from '../ehcp-case/ehcp-case.state';
import type { AppealSubject } from '../ehcp-case/ehcp-case.vocabulary';
import type { DeadlineClock } from './deadline-clock';
import { ORDER_WEEKS, weeksAfter } from './deadline.rules';
import {
  ORDER_DEADLINE_KINDS,
  type DeadlineKind,
  type DeadlineOptions,
  type OrderDeadlineKind,
} from './deadline.types';

/** What an order's step needs of the case: the day of the fact that meets it, or that cancels it. */
type Compliance = Pick<DeadlineClock, 'metOn' | 'cancelledOn'>;
/** How the case complies with one step of an order dated `orderedOn`. */
type Step = (state: EhcpCase, orderedOn: string) => Compliance;
type OrderedSubject = Exclude<AppealSubject, 'cessation'>;

/**
 * (2nd ed.) SEND Regs 2014 reg 44(2), reg 45 (DOMAIN.md "Appeals and Tribunal orders"): an appeal
 * whose outcome is an order, or a concession (the LA's notice that it will not oppose), dated O
 * opens the steps of ORDER_WEEKS for the decision appealed, each due O + 7 * weeks (the day-one
 * switch applies: they are week counts), referenced by the appeal. Only facts dated on or after O
 * comply with an order: what the LA did before it is what was appealed. An appeal against a
 * cessation opens none (an order withdraws the cessation: cessation.rules.ts).
 */
export function orderClocks(state: EhcpCase, { counting }: DeadlineOptions): DeadlineClock[] {
  if (state.appeals.length === 0) return [];
  return state.appeals.flatMap((appeal) => {
    const orderedOn = orderedOnOf(appeal);
    if (orderedOn === null || appeal.against === 'cessation') return [];
    const weeksOf = ORDER_WEEKS[appeal.against];
    const stepsOf = STEPS[appeal.against];
    return ORDER_DEADLINE_KINDS.flatMap((kind): DeadlineClock[] => {
      const weeks = weeksOf[kind];
      const step = stepsOf[kind];
      if (weeks === undefined || step === undefined) return [];
      return [
        {
          kind,
          ref: appeal.appealId,
          startsOn: orderedOn,
          dueOn: weeksAfter(orderedOn, weeks, counting),
          ...step(state, orderedOn),
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

/** No deadline replaced: one object for every case without such an order (most of them), told by identity. */
export const NONE_REPLACED: { readonly [K in DeadlineKind]?: string } = Object.freeze({});

/**
 * The initial-assessment deadlines an order replaces, with the day each stays cancelled from
 * (DOMAIN.md: "An order cancels the deadlines of the path it replaces ... the order's clock
 * governs"). After an order or concession on the refusal to assess, the LA's later decision to
 * assess does not reopen the original plan_decision and final_plan: they stay cancelled by the
 * refusal. After one on "not issue", the original final_plan stays cancelled by that decision.
 * Without an order, a later decision reverses the refusal and reopens them (deadline.calculator.ts).
 */
export function deadlinesReplacedByOrders(state: EhcpCase): { readonly [K in DeadlineKind]?: string } {
  // Most cases have no appeal: none of them is searched for an order (twice, on every event folded).
  if (state.appeals.length === 0) return NONE_REPLACED;
  const refusedOn = ordered(state, 'refusal_to_assess')
    ? lastDecisionOn(state.assessmentDecisions, 'refuse')
    : null;
  if (refusedOn !== null) return { plan_decision: refusedOn, final_plan: refusedOn };
  const notIssuedOn = ordered(state, 'not_issue') ? lastDecisionOn(state.planDecisions, 'not_issue') : null;
  return notIssuedOn === null ? NONE_REPLACED : { final_plan: notIssuedOn };
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

/**
 * An order to assess: the decision to assess meets order_assessment_notice; the first plan decision
 * after the order meets order_plan_decision if "not issue" and cancels it if "issue" (reg 10(1) binds
 * only "not issue", as for plan_decision); the final plan meets order_final_plan, which a standing
 * "not issue" cancels (as it cancels final_plan: that decision is appealable in turn).
 */
const assessDecided: Step = (state, orderedOn) => ({
  metOn:
    state.assessmentDecisions.find((d) => d.decision === 'assess' && d.decidedOn >= orderedOn)?.decidedOn ??
    null,
  cancelledOn: null,
});

const planDecided: Step = (state, orderedOn) => {
  const decision = state.planDecisions.find((d) => d.decidedOn >= orderedOn);
  if (decision?.decision === 'not_issue') return { metOn: decision.decidedOn, cancelledOn: null };
  return { metOn: null, cancelledOn: decision?.decidedOn ?? null };
};

const planIssuedAfterAssessment: Step = (state, orderedOn) => {
  const issuedOn = onOrAfter(state.finalPlan?.issuedOn ?? null, orderedOn);
  const latest = state.planDecisions.at(-1);
  const notIssuedOn = latest?.decision === 'not_issue' ? onOrAfter(latest.decidedOn, orderedOn) : null;
  return { metOn: issuedOn, cancelledOn: issuedOn === null ? notIssuedOn : null };
};

/**
 * An order to re-assess: the re-assessment decided on or after O. Its decision meets
 * order_assessment_notice; its notice that the plan stays unchanged is its decision not to issue
 * (meets order_plan_decision, cancels order_final_plan), and its draft (or plan) its decision to
 * issue (cancels order_plan_decision); its plan meets order_final_plan.
 */
const reassessDecided: Step = (state, orderedOn) => ({
  metOn: firstReassessmentFrom(state, orderedOn)?.decision?.decidedOn ?? null,
  cancelledOn: null,
});

const reassessmentPlanDecided: Step = (state, orderedOn) => {
  const r = firstReassessmentFrom(state, orderedOn);
  const unchangedOn = onOrAfter(r?.unchangedOn ?? null, orderedOn);
  const issuingOn = onOrAfter(r?.draftIssuedOn ?? r?.plan?.issuedOn ?? null, orderedOn);
  return { metOn: unchangedOn, cancelledOn: unchangedOn === null ? issuingOn : null };
};

const reassessmentPlanIssued: Step = (state, orderedOn) => {
  const r = firstReassessmentFrom(state, orderedOn);
  const planOn = onOrAfter(r?.plan?.issuedOn ?? null, orderedOn);
  return {
    metOn: planOn,
    cancelledOn: planOn === null ? onOrAfter(r?.unchangedOn ?? null, orderedOn) : null,
  };
};

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
const draftServed: Step = (state, orderedOn) => ({
  metOn: onOrAfter(state.draftIssuedOn, orderedOn),
  cancelledOn: null,
});

const planIssued: Step = (state, orderedOn) => ({
  metOn: onOrAfter(state.finalPlan?.issuedOn ?? null, orderedOn),
  cancelledOn: null,
});

/** An order to amend the plan (contents, or section I only): the earliest amended plan issued on or after O. */
const amendedPlanIssued: Step = (state, orderedOn) => ({
  metOn:
    state.amendmentNotices
      .flatMap((notice) => (notice.amendedPlan === null ? [] : [notice.amendedPlan.issuedOn]))
      .filter((issuedOn) => issuedOn >= orderedOn)
      .sort()
      .at(0) ?? null,
  cancelledOn: null,
});

/** DOMAIN.md "What meets them", per decision appealed: one step per deadline ORDER_WEEKS opens. */
const STEPS: { readonly [S in OrderedSubject]: { readonly [K in OrderDeadlineKind]?: Step } } = {
  refusal_to_assess: {
    order_assessment_notice: assessDecided,
    order_plan_decision: planDecided,
    order_final_plan: planIssuedAfterAssessment,
  },
  refusal_to_reassess: {
    order_assessment_notice: reassessDecided,
    order_plan_decision: reassessmentPlanDecided,
    order_final_plan: reassessmentPlanIssued,
  },
  not_issue: { order_draft_plan: draftServed, order_final_plan: planIssued },
  plan_contents: { order_amended_plan: amendedPlanIssued },
  placement: { order_amended_plan: amendedPlanIssued },
};

/** A fact's day if it complies with an order dated `orderedOn` (on or after it), else null. */
function onOrAfter(day: string | null, orderedOn: string): string | null {
  return day !== null && day >= orderedOn ? day : null;
}

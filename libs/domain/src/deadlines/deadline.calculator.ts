import { caseExists, type EhcpCase, type EhcpCaseState } from '../ehcp-case/ehcp-case.state';
import {
  ADVICE_WEEKS,
  AMENDED_PLAN_WEEKS,
  AMENDMENT_NOTICE_WEEKS,
  CONSULTATION_RESPONSE_DAYS,
  DEADLINE_RULES,
  DECISION_TO_ASSESS_WEEKS,
  FINAL_PLAN_WEEKS,
  PLAN_DECISION_WEEKS,
  REVIEW_DECISION_WEEKS,
  transferRuleOf,
  transferStartsOn,
  weeksAfter,
} from './deadline.rules';
import { ceasesOnOf } from './cessation.rules';
import { boundedMemo } from '../shared/bounded-memo';
import type { DeadlineClock } from './deadline-clock';
import { DEADLINE_KINDS, type Deadline, type DeadlineKind, type DeadlineOptions } from './deadline.types';
import { deadlinesReplacedByOrders, NONE_REPLACED, orderClocks } from './order.clocks';
import { reassessmentClocks } from './reassessment.clocks';
import { firstTransferReviewDueOn, transferNoticeClocks } from './transfer-in.clocks';
import { exceptionApplies, type StatutoryPeriod } from './exception.rules';
import { daysBetween, minDate, plusDays, plusYearMinusDay } from '../shared/local-date';

type Clock = DeadlineClock;

export const LEGAL_COUNTING: DeadlineOptions = { counting: 'legal' };

/**
 * Every statutory deadline of a case (DOMAIN.md deadline table), derived from its state alone: the
 * command side, the projections and the tests share this one implementation. No case: no deadlines.
 */
export function deadlinesOf(state: EhcpCaseState, options: DeadlineOptions = LEGAL_COUNTING): Deadline[] {
  if (!caseExists(state)) return [];
  const ceasesOn = ceasesOnOf(state);
  // One list, each family's clocks made deadlines as they come: no list of every clock in between
  // (a rebuild works this out on every event).
  const deadlines: Deadline[] = [];
  if (state.openedByRequest) add(deadlines, state, ceasesOn, initialAssessmentClocks(state, options));
  add(deadlines, state, ceasesOn, transferNoticeClocks(state, options));
  add(deadlines, state, ceasesOn, reassessmentClocks(state, options));
  add(deadlines, state, ceasesOn, orderClocks(state, options));
  add(deadlines, state, ceasesOn, adviceClocks(state, options));
  add(deadlines, state, ceasesOn, consultationClocks(state));
  add(deadlines, state, ceasesOn, annualReviewClocks(state));
  add(deadlines, state, ceasesOn, reviewDecisionClocks(state, options));
  add(deadlines, state, ceasesOn, amendmentNoticeClocks(state, options));
  add(deadlines, state, ceasesOn, amendedPlanClocks(state, options));
  add(deadlines, state, ceasesOn, phaseTransferClocks(state));
  return deadlines;
}

/** Adds a family's clocks to `deadlines`, made deadlines (a function, not a closure made per call). */
function add(
  deadlines: Deadline[],
  state: EhcpCase,
  ceasesOn: string | null,
  clocks: readonly Clock[],
): void {
  for (const clock of clocks) deadlines.push(toDeadline(state, clock, ceasesOn));
}

/** Closing the case or ceasing the plan cancels every open deadline on that date. */
function caseEndedOn(state: EhcpCase): string | null {
  return state.cessation?.ceasedOn ?? state.closure?.closedOn ?? null;
}

/**
 * A deadline met stays met; one not met is cancelled by the fact that cancelled its clock or by the
 * case's end; (2nd ed.) one still open while a decision to cease is pending is cancelled from the day
 * the plan ceases (`cancelsOn`): open as usual before it.
 */
function toDeadline(state: EhcpCase, clock: Clock, ceasesOn: string | null): Deadline {
  const cancelledOn = clock.metOn === null ? (clock.cancelledOn ?? caseEndedOn(state)) : null;
  const cancelsOn = clock.metOn === null && cancelledOn === null ? ceasesOn : null;
  return {
    id: clock.id ?? idOf(clock.kind, clock.ref),
    kind: clock.kind,
    ref: clock.ref,
    startsOn: clock.startsOn,
    dueOn: clock.dueOn,
    metOn: clock.metOn,
    cancelled: cancelledOn !== null,
    cancelledOn,
    cancelsOn,
    // Most cases record no exception: no statutory period is worked out for them.
    exceptionApplies:
      state.exceptions.length > 0 &&
      exceptionApplies(clock.kind, statutoryPeriodOf(clock, cancelledOn ?? cancelsOn), state),
    rule: DEADLINE_RULES[clock.kind],
  };
}

/** A deadline's id: its kind, or `<kind>-<ref>` for one of a sub-resource. */
function idOf(kind: DeadlineKind, ref: string | null): string {
  return ref === null ? kind : ID_OF_REF[kind](ref);
}

/**
 * Per kind, by ref: a rebuild works out every deadline of a case again on each of its events, and the
 * same id each time (one flat string, not a new concatenation that each comparison with a row's id
 * flattens again) is less garbage.
 */
const ID_OF_REF = Object.fromEntries(
  DEADLINE_KINDS.map((kind) => [kind, boundedMemo(10_000, (ref: string) => `${kind}-${ref}`)]),
) as { readonly [K in DeadlineKind]: (ref: string) => string };

/**
 * DOMAIN.md (2nd ed.): from the clock start to the earlier of the due date and the day the deadline
 * was met or cancelled; an open deadline's runs to its due date.
 */
function statutoryPeriodOf(clock: Clock, cancelledOn: string | null): StatutoryPeriod {
  return { from: clock.startsOn, to: minDate(clock.dueOn, clock.metOn ?? cancelledOn ?? clock.dueOn) };
}

/**
 * decision_to_assess, plan_decision and final_plan all run from the request (week 0). A refusal to
 * assess cancels plan_decision and final_plan, "not issue" cancels final_plan; a later reversal of
 * that decision (after appeal) reopens them, as the refusal no longer stands. reg 10(1) binds only a
 * decision not to issue (2nd ed.): "not issue" meets plan_decision, a decision to issue cancels it
 * (the 20-week final_plan clock governs that path). (2nd ed.) After a Tribunal order or a concession
 * the decision is not reversed but replaced: the deadlines it cancelled stay cancelled, and the
 * order's own clocks govern (order.clocks.ts).
 */
function initialAssessmentClocks(state: EhcpCase, { counting }: DeadlineOptions): Clock[] {
  const requestOn = state.requestReceivedOn;
  const latestAssessment = state.assessmentDecisions.at(-1);
  const latestPlan = state.planDecisions.at(-1);
  const refusedOn = latestAssessment?.decision === 'refuse' ? latestAssessment.decidedOn : null;
  const notIssuedOn = latestPlan?.decision === 'not_issue' ? latestPlan.decidedOn : null;
  // The first decision decides reg 10(1); a later "issue" is "not issue" reversed, which stays met.
  const firstPlan = state.planDecisions[0];
  const firstNotIssuedOn = firstPlan?.decision === 'not_issue' ? firstPlan.decidedOn : null;
  const issuedOn = firstPlan?.decision === 'issue' ? firstPlan.decidedOn : null;
  const replaced = deadlinesReplacedByOrders(state);
  const clocks: Clock[] = [
    {
      kind: 'decision_to_assess',
      ref: null,
      startsOn: requestOn,
      dueOn: weeksAfter(requestOn, DECISION_TO_ASSESS_WEEKS, counting),
      metOn: state.assessmentDecisions[0]?.decidedOn ?? null,
      cancelledOn: null,
    },
    {
      kind: 'plan_decision',
      ref: null,
      startsOn: requestOn,
      dueOn: weeksAfter(requestOn, PLAN_DECISION_WEEKS, counting),
      metOn: firstNotIssuedOn,
      cancelledOn: refusedOn ?? issuedOn,
    },
    {
      kind: 'final_plan',
      ref: null,
      startsOn: requestOn,
      dueOn: weeksAfter(requestOn, FINAL_PLAN_WEEKS, counting),
      metOn: state.finalPlan?.issuedOn ?? null,
      cancelledOn: refusedOn ?? notIssuedOn,
    },
  ];
  // Most cases have no order: their clocks are not copied to replace none.
  if (replaced === NONE_REPLACED) return clocks;
  return clocks.map((clock) => replacedByOrder(clock, replaced[clock.kind]));
}

/** A clock an order replaced stays cancelled from the decision appealed: nothing later meets it. */
function replacedByOrder(clock: Clock, cancelledOn: string | undefined): Clock {
  return cancelledOn === undefined ? clock : { ...clock, metOn: null, cancelledOn };
}

function adviceClocks(state: EhcpCase, { counting }: DeadlineOptions): Clock[] {
  return state.advice.map((advice) => ({
    kind: 'advice',
    ref: advice.adviceId,
    startsOn: advice.requestedOn,
    dueOn: weeksAfter(advice.requestedOn, ADVICE_WEEKS, counting),
    metOn: advice.receivedOn,
    cancelledOn: null,
  }));
}

/** A count of days, not weeks: the day-one switch does not apply. */
function consultationClocks(state: EhcpCase): Clock[] {
  return state.consultations.map((consultation) => ({
    kind: 'consultation_response',
    ref: consultation.consultationId,
    startsOn: consultation.consultedOn,
    dueOn: plusDays(consultation.consultedOn, CONSULTATION_RESPONSE_DAYS),
    metOn: consultation.response?.receivedOn ?? null,
    cancelledOn: null,
  }));
}

/**
 * CFA s44(1): a review in the 12 months starting with the day the plan was made, then in each 12
 * months starting with the last review. 2nd ed. (CoP 9.176): a review is completed by the LA's
 * decision (maintain, amend, cease) following its meeting, not by the meeting; each decision meets
 * the running period (late when dated after its last day) and the next period starts with it. The
 * decisions count in date order, whatever order they were recorded in; a period is keyed by the
 * review whose decision started it. (2nd ed.) A plan issued after a re-assessment starts a new
 * period like a first plan (it meets the running one: the plan was looked at afresh), keyed by the
 * re-assessment request. A transferred-in plan's first period runs from the transfer to the reg
 * 15(5) date.
 */
function annualReviewClocks(state: EhcpCase): Clock[] {
  if (state.finalPlan === null) return [];
  const completions = [...reviewCompletions(state), ...reassessmentPlans(state)];
  // Most plans have one completion at most: nothing to sort (a sort copies the list).
  if (completions.length > 1) completions.sort((a, b) => daysBetween(b.on, a.on));
  const first = firstReviewPeriod(state, state.finalPlan.issuedOn);
  // Each period's clock made whole, not spread from the period: worked out on every event folded.
  const clocks: Clock[] = [reviewClock(null, undefined, first.startsOn, first.dueOn, completions[0])];
  for (let index = 0; index < completions.length; index += 1) {
    const c = completions[index];
    const id = c.idPrefix === undefined ? undefined : `annual_review-${c.idPrefix}${c.ref}`;
    clocks.push(reviewClock(c.ref, id, c.on, plusYearMinusDay(c.on), completions[index + 1]));
  }
  return clocks;
}

/** The annual_review clock of one period, met by the completion that ends it (if any yet). */
function reviewClock(
  ref: string | null,
  id: string | undefined,
  startsOn: string,
  dueOn: string,
  completion: Completion | undefined,
): Clock {
  return {
    kind: 'annual_review',
    ref,
    id,
    startsOn,
    dueOn,
    metOn: completion?.on ?? null,
    cancelledOn: null,
  };
}

interface Completion {
  readonly ref: string;
  readonly on: string;
  /** Keeps the period's deadline id apart from a review's with the same id. */
  readonly idPrefix?: string;
}

function reviewCompletions(state: EhcpCase): Completion[] {
  return state.reviews.flatMap((review) =>
    review.decision ? [{ ref: review.reviewId, on: review.decision.decidedOn }] : [],
  );
}

function reassessmentPlans(state: EhcpCase): Completion[] {
  return state.reassessments.flatMap((r) =>
    r.plan ? [{ ref: r.requestId, on: r.plan.issuedOn, idPrefix: 'reassessment-' }] : [],
  );
}

function firstReviewPeriod(state: EhcpCase, planIssuedOn: string) {
  const transferDueOn = firstTransferReviewDueOn(state);
  if (state.transferIn === null || transferDueOn === null)
    return { ref: null, startsOn: planIssuedOn, dueOn: plusYearMinusDay(planIssuedOn) };
  return { ref: null, startsOn: state.transferIn.transferredOn, dueOn: transferDueOn };
}

function reviewDecisionClocks(state: EhcpCase, { counting }: DeadlineOptions): Clock[] {
  return state.reviews.map((review) => ({
    kind: 'review_decision',
    ref: review.reviewId,
    startsOn: review.meetingHeldOn,
    dueOn: weeksAfter(review.meetingHeldOn, REVIEW_DECISION_WEEKS, counting),
    metOn: review.decision?.decidedOn ?? null,
    cancelledOn: null,
  }));
}

/**
 * (2nd ed.) A review decided "amend" opens `amendment_notice` at once, counted from its meeting (reg
 * 22(2); Devon [2022]: the notice goes with the 4-week decision); the notice that follows it meets it.
 */
function amendmentNoticeClocks(state: EhcpCase, { counting }: DeadlineOptions): Clock[] {
  if (state.reviews.length === 0) return [];
  return state.reviews
    .filter((review) => review.decision?.decision === 'amend')
    .map((review) => ({
      kind: 'amendment_notice',
      ref: review.reviewId,
      startsOn: review.meetingHeldOn,
      dueOn: weeksAfter(review.meetingHeldOn, AMENDMENT_NOTICE_WEEKS, counting),
      metOn: state.amendmentNotices.find((notice) => notice.reviewId === review.reviewId)?.issuedOn ?? null,
      cancelledOn: null,
    }));
}

/**
 * The amendment notice opens `amended_plan` (reg 22(3)). The amended plan or a decision not to amend
 * after all (reg 22(4)) meets it.
 */
function amendedPlanClocks(state: EhcpCase, { counting }: DeadlineOptions): Clock[] {
  return state.amendmentNotices.map((notice) => ({
    kind: 'amended_plan',
    ref: notice.noticeId,
    startsOn: notice.issuedOn,
    dueOn: weeksAfter(notice.issuedOn, AMENDED_PLAN_WEEKS, counting),
    metOn: notice.amendedPlan?.issuedOn ?? notice.noAmendmentDecidedOn,
    cancelledOn: null,
  }));
}

/**
 * reg 18 (2nd ed.): a transfer is met by the earliest amended plan or "maintain" review decision dated
 * in its window (from 1 Sep of Y - 1, or T - 12 months), whatever order the facts were recorded in.
 * Fixed dates: the day-one switch does not apply.
 */
function phaseTransferClocks(state: EhcpCase): Clock[] {
  // Most cases plan no transfer: no dates of reviews are gathered for none.
  if (state.phaseTransfers.length === 0) return [];
  const reviewedOn = transferReviewDates(state);
  return state.phaseTransfers.map((transfer) => {
    const { kind, dueOn, windowOpensOn } = transferRuleOf(transfer);
    return {
      kind,
      ref: transfer.transferId,
      startsOn: transferStartsOn(transfer),
      dueOn,
      metOn: reviewedOn.find((on) => on >= windowOpensOn) ?? null,
      cancelledOn: null,
    };
  });
}

/** The dates of every amended plan and "maintain" review decision, earliest first. */
function transferReviewDates(state: EhcpCase): string[] {
  const amendedOn = state.amendmentNotices.flatMap((notice) =>
    notice.amendedPlan === null ? [] : [notice.amendedPlan.issuedOn],
  );
  const maintainedOn = state.reviews.flatMap((review) =>
    review.decision?.decision === 'maintain' ? [review.decision.decidedOn] : [],
  );
  return [...amendedOn, ...maintainedOn].sort();
}

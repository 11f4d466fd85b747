import {
  DECISION_TO_ASSESS_WEEKS,
  FINAL_PLAN_WEEKS,
  REVIEW_DECISION_WEEKS,
} from '../deadlines/deadline.rules';
import { oneDecimal, percentage } from '../shared/ratio';

// The DfE SEN2 measures (DOMAIN.md "Timeliness statistics") as counts, and the figures they give.
// The pure calculator and the SQL query both count; this one arithmetic turns counts into figures.

/**
 * The bands in days. DfE counts them from the request whatever the council's own counting switch
 * (DEADLINE_COUNTING), so these are fixed: "within 20 weeks" is R + 140 days, a year is 52 weeks.
 */
export const SEN2_DAYS = {
  /** Plans issued on or before R + 140 (reg 13(2)'s 20 weeks). */
  within20Weeks: 7 * FINAL_PLAN_WEEKS,
  /** The band "over 20 weeks, within a year": up to R + 364. */
  withinAYear: 7 * 52,
  /** Decisions whether to assess on or before R + 42 (reg 5(1)'s 6 weeks). */
  requestDecision: 7 * DECISION_TO_ASSESS_WEEKS,
  /** Review decisions on or before M + 28 (reg 20(10)'s 4 weeks). */
  reviewDecision: 7 * REVIEW_DECISION_WEEKS,
} as const;

/** Counts of new plans: all of them, or those whose final_plan deadline had no exception applying. */
export interface Sen2PlanCounts {
  readonly issued: number;
  readonly within20Weeks: number;
  readonly gt20WeeksLtYear: number;
  readonly gt1Year: number;
  /** Total days from request to issue, for the mean. */
  readonly days: number;
}

export interface Sen2Counts {
  readonly plans: Sen2PlanCounts;
  readonly plansEx: Sen2PlanCounts;
  readonly plansExcludedAppeal: number;
  readonly requestsDecided: number;
  readonly requestsDecidedWithin6Weeks: number;
  readonly requestsRefused: number;
  readonly reviewsDue: number;
  readonly reviewsCompletedOnTime: number;
  readonly reviewDecisions: number;
  readonly reviewDecisionsWithin4Weeks: number;
  readonly phaseTransfersDue: number;
  readonly phaseTransfersMet: number;
  /** (2nd ed.) Of `plans.issued`, those with views for the assessment or the draft by the issue date. */
  readonly plansWithViews: number;
  /**
   * (2nd ed.) annual_review deadlines met in the period, by the day met: the review completed by the
   * LA's decision after its meeting (DOMAIN.md, CoP 9.176).
   */
  readonly reviewsHeld: number;
  /** (2nd ed.) Of those, the reviews with views for a review gathered after the clock started, by the day met. */
  readonly reviewsHeldWithViews: number;
}

/**
 * The DfE dataset's fields and DOMAIN.md's further measures. Percentages and means have one decimal
 * (halves up) and are null when their denominator is 0: no figure rather than a misleading 0.
 */
export interface Sen2Figures {
  readonly plans_issued_den: number;
  readonly plans_issued_within_20_weeks: number;
  readonly pc_plans_issued_within_20_weeks: number | null;
  readonly plans_issued_den_ex: number;
  readonly plans_issued_20_weeks_ex: number;
  readonly pc_plans_issued_20_weeks_ex: number | null;
  readonly plans_issued_gt20weeks_ltyear: number;
  readonly pc_plans_issued_gt20weeks_ltyear: number | null;
  readonly plans_issued_gt_1_year: number;
  readonly pc_plans_issued_gt_1_year: number | null;
  readonly plans_issued_gt20weeks_ltyear_ex: number;
  readonly pc_plans_issued_gt20weeks_ltyear_ex: number | null;
  readonly plans_issued_gt_1_year_ex: number;
  readonly pc_plans_issued_gt_1_year_ex: number | null;
  readonly avg_weeks_issue_plan: number | null;
  readonly avg_weeks_issue_plan_exc: number | null;
  readonly plans_excluded_appeal: number;
  readonly requests_decided: number;
  readonly requests_decided_within_6_weeks: number;
  readonly pc_requests_decided_within_6_weeks: number | null;
  readonly requests_refused: number;
  readonly reviews_due: number;
  readonly reviews_completed_on_time: number;
  readonly pc_reviews_completed_on_time: number | null;
  readonly review_decisions: number;
  readonly review_decisions_within_4_weeks: number;
  readonly pc_review_decisions_within_4_weeks: number | null;
  readonly phase_transfers_due: number;
  readonly phase_transfers_met: number;
  readonly pc_phase_transfers_met: number | null;
  /**
   * (2nd ed.) CFA s19: new plans (of plans_issued_den) whose case has the child's views for the
   * assessment or the draft gathered on or before the plan's issue date, and their share.
   */
  readonly plans_issued_with_views: number;
  readonly pc_plans_issued_with_views: number | null;
  /** (2nd ed.) Annual reviews held: annual_review deadlines met (by the LA's review decision) in the period... */
  readonly reviews_held: number;
  /** ...those with the child's views for a review gathered after the review's clock started, on or before it was met. */
  readonly reviews_held_with_views: number;
  readonly pc_reviews_held_with_views: number | null;
}

const NO_PLANS: Sen2PlanCounts = { issued: 0, within20Weeks: 0, gt20WeeksLtYear: 0, gt1Year: 0, days: 0 };

/** Nothing counted: the figures of a period without facts. */
export const NO_SEN2_COUNTS: Sen2Counts = {
  plans: NO_PLANS,
  plansEx: NO_PLANS,
  plansExcludedAppeal: 0,
  requestsDecided: 0,
  requestsDecidedWithin6Weeks: 0,
  requestsRefused: 0,
  reviewsDue: 0,
  reviewsCompletedOnTime: 0,
  reviewDecisions: 0,
  reviewDecisionsWithin4Weeks: 0,
  phaseTransfersDue: 0,
  phaseTransfersMet: 0,
  plansWithViews: 0,
  reviewsHeld: 0,
  reviewsHeldWithViews: 0,
};

/** Every field from the counts; the mean is total days / (7 * plans), rounded once. */
export function sen2FiguresOf(counts: Sen2Counts): Sen2Figures {
  const { plans, plansEx } = counts;
  return {
    plans_issued_den: plans.issued,
    plans_issued_within_20_weeks: plans.within20Weeks,
    pc_plans_issued_within_20_weeks: percentage(plans.within20Weeks, plans.issued),
    plans_issued_den_ex: plansEx.issued,
    plans_issued_20_weeks_ex: plansEx.within20Weeks,
    pc_plans_issued_20_weeks_ex: percentage(plansEx.within20Weeks, plansEx.issued),
    plans_issued_gt20weeks_ltyear: plans.gt20WeeksLtYear,
    pc_plans_issued_gt20weeks_ltyear: percentage(plans.gt20WeeksLtYear, plans.issued),
    plans_issued_gt_1_year: plans.gt1Year,
    pc_plans_issued_gt_1_year: percentage(plans.gt1Year, plans.issued),
    plans_issued_gt20weeks_ltyear_ex: plansEx.gt20WeeksLtYear,
    pc_plans_issued_gt20weeks_ltyear_ex: percentage(plansEx.gt20WeeksLtYear, plansEx.issued),
    plans_issued_gt_1_year_ex: plansEx.gt1Year,
    pc_plans_issued_gt_1_year_ex: percentage(plansEx.gt1Year, plansEx.issued),
    avg_weeks_issue_plan: oneDecimal(plans.days, 7 * plans.issued),
    avg_weeks_issue_plan_exc: oneDecimal(plansEx.days, 7 * plansEx.issued),
    plans_excluded_appeal: counts.plansExcludedAppeal,
    requests_decided: counts.requestsDecided,
    requests_decided_within_6_weeks: counts.requestsDecidedWithin6Weeks,
    pc_requests_decided_within_6_weeks: percentage(
      counts.requestsDecidedWithin6Weeks,
      counts.requestsDecided,
    ),
    requests_refused: counts.requestsRefused,
    reviews_due: counts.reviewsDue,
    reviews_completed_on_time: counts.reviewsCompletedOnTime,
    pc_reviews_completed_on_time: percentage(counts.reviewsCompletedOnTime, counts.reviewsDue),
    review_decisions: counts.reviewDecisions,
    review_decisions_within_4_weeks: counts.reviewDecisionsWithin4Weeks,
    pc_review_decisions_within_4_weeks: percentage(
      counts.reviewDecisionsWithin4Weeks,
      counts.reviewDecisions,
    ),
    phase_transfers_due: counts.phaseTransfersDue,
    phase_transfers_met: counts.phaseTransfersMet,
    pc_phase_transfers_met: percentage(counts.phaseTransfersMet, counts.phaseTransfersDue),
    plans_issued_with_views: counts.plansWithViews,
    pc_plans_issued_with_views: percentage(counts.plansWithViews, plans.issued),
    reviews_held: counts.reviewsHeld,
    reviews_held_with_views: counts.reviewsHeldWithViews,
    pc_reviews_held_with_views: percentage(counts.reviewsHeldWithViews, counts.reviewsHeld),
  };
}

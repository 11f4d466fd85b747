/** (2nd ed.) The deadlines a Tribunal order or an LA's concession opens (reg 44(2), reg 45). */
export const ORDER_DEADLINE_KINDS = [
  'order_assessment_notice',
  'order_plan_decision',
  'order_draft_plan',
  'order_final_plan',
  'order_amended_plan',
] as const;
export type OrderDeadlineKind = (typeof ORDER_DEADLINE_KINDS)[number];

export const DEADLINE_KINDS = [
  'decision_to_assess',
  'advice',
  'plan_decision',
  'final_plan',
  'consultation_response',
  'annual_review',
  'review_decision',
  'amendment_notice',
  'amended_plan',
  'phase_transfer',
  'post16_transfer',
  'reassessment_decision',
  'reassessment_plan',
  'transfer_notice',
  ...ORDER_DEADLINE_KINDS,
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_STATUSES = ['on_track', 'due_soon', 'overdue', 'met', 'met_late', 'cancelled'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/**
 * `legal` (default): "within N weeks of X" ends on X + 7N. `day_one`: the council counts X as day 1,
 * so week-based deadlines end on X + 7N - 1 (DOMAIN.md; configuration DEADLINE_COUNTING).
 */
export const DEADLINE_COUNTINGS = ['legal', 'day_one'] as const;
export type DeadlineCounting = (typeof DEADLINE_COUNTINGS)[number];

export interface DeadlineOptions {
  readonly counting: DeadlineCounting;
}

/** One statutory deadline of a case, derived from its events alone (never from the evaluation date). */
export interface Deadline {
  /** Stable within the case: the kind, or `<kind>-<ref>` for deadlines that come one per sub-resource. */
  readonly id: string;
  readonly kind: DeadlineKind;
  /** The advice / consultation / review / notice / transfer id, or null (for the first annual review too). */
  readonly ref: string | null;
  readonly startsOn: string;
  readonly dueOn: string;
  readonly metOn: string | null;
  readonly cancelled: boolean;
  readonly cancelledOn: string | null;
  /**
   * (2nd ed.) The day a pending cessation will cancel this open deadline (DOMAIN.md "Cessation"):
   * before it the deadline is open as usual, from it cancelled. Null when no cessation is pending,
   * and once the deadline is met or cancelled.
   */
  readonly cancelsOn: string | null;
  readonly exceptionApplies: boolean;
  /** The rule's citation, e.g. 'SEND Regs 2014 reg 13(2)'. */
  readonly rule: string;
}

export interface DeadlineStatusResult {
  readonly status: DeadlineStatus;
  /** dueOn - asOf in days, or null once met or cancelled. */
  readonly daysRemaining: number | null;
}

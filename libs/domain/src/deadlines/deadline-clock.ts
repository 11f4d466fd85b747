import type { DeadlineKind } from './deadline.types';

/** A deadline before the case-wide rules (cessation, closure, exceptions) are applied. */
export interface DeadlineClock {
  readonly kind: DeadlineKind;
  readonly ref: string | null;
  /**
   * Its id, when `<kind>-<ref>` could be taken by a clock of another sub-resource with the same id
   * (a review and a re-assessment request may both be called "b"): deadline ids are row keys.
   */
  readonly id?: string;
  readonly startsOn: string;
  readonly dueOn: string;
  readonly metOn: string | null;
  /** Set when a fact of the case (a refusal, "issue", "not issue", an order) cancelled this clock. */
  readonly cancelledOn: string | null;
}

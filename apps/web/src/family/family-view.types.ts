// The api's FamilyView (POST /family/view, API.md; issue 17): what a family's private link shows. No
// caseworker, no notes: only the case's steps and the fact that the child's views were gathered.

export interface FamilyStepJson {
  readonly id: string;
  readonly kind: string;
  /** The kind in the caseworker's words (DEADLINE_TITLES): used only for a kind this page has no words for. */
  readonly title: string;
  readonly ref: string | null;
  readonly startsOn: string;
  readonly dueOn: string;
  readonly metOn: string | null;
  /** on_track, due_soon, overdue, met or met_late (cancelled steps are left out by the api). */
  readonly status: string;
  /** How many days after dueOn it was met, or (open) it is by asOf; null when not late. */
  readonly daysLate: number | null;
  readonly exceptionApplies: boolean;
}

export interface FamilyViewsJson {
  readonly gatheredOn: string;
  readonly method: string;
  readonly stage: string;
  readonly summary: string | null;
}

export interface FamilyViewJson {
  readonly reference: string | null;
  /** Null once the child's personal data was erased. */
  readonly childFirstName: string | null;
  readonly team: { readonly code: string; readonly name: string };
  readonly stage: string;
  readonly asOf: string;
  readonly expiresOn: string;
  /** The case's deadlines in due order. */
  readonly steps: readonly FamilyStepJson[];
  readonly views: readonly FamilyViewsJson[];
}

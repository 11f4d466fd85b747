import type { EnglandRate } from './dashboard.types';

// The answer of the api's GET /public/timeliness (contract, issue 17), as the public page reads it.

/** The published fields, in the order the CSV and the data dictionary give them. */
export const PUBLISHED_COUNTS = [
  'plans_issued_den',
  'plans_issued_within_20_weeks',
  'plans_issued_den_ex',
  'plans_issued_20_weeks_ex',
  'requests_decided',
  'requests_decided_within_6_weeks',
  'reviews_due',
  'reviews_completed_on_time',
] as const;

export const PUBLISHED_PERCENTAGES = [
  'pc_plans_issued_within_20_weeks',
  'pc_plans_issued_20_weeks_ex',
  'pc_requests_decided_within_6_weeks',
  'pc_reviews_completed_on_time',
] as const;

export type PublishedCount = (typeof PUBLISHED_COUNTS)[number];
export type PublishedPercentage = (typeof PUBLISHED_PERCENTAGES)[number];
export type PublishedField = PublishedCount | PublishedPercentage;

/**
 * One row after statistical disclosure control: a count is null when it was suppressed (listed in
 * `suppressed`), a percentage null when it was withheld (listed in `withheld`) or had nothing to divide by.
 */
export type PublishedRow = { readonly [field in PublishedField]: number | null } & {
  readonly suppressed: readonly string[];
  /**
   * Of `suppressed`, the counts of 5 or more hidden only so that a small one cannot be worked out by
   * subtraction (the api's disclosure control sends it; the contract's PublishedRow does not name it).
   */
  readonly secondary?: readonly string[];
  readonly withheld: readonly string[];
};

export type PublishedTeamRow = PublishedRow & { readonly team: string; readonly name: string };

export interface PublicTimeliness {
  readonly period: { readonly from: string; readonly to: string };
  readonly council: { readonly name: string };
  readonly england: { readonly source: string; readonly rates: readonly EnglandRate[] };
  readonly months: readonly {
    readonly month: string;
    readonly total: PublishedRow;
    readonly teams: readonly PublishedTeamRow[];
  }[];
  readonly totals: { readonly total: PublishedRow; readonly teams: readonly PublishedTeamRow[] };
}

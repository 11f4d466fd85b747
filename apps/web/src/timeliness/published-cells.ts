import type { PublishedCount, PublishedPercentage, PublishedRow } from './public-timeliness.types';

// How a published number is written, on the page and in the CSV. Counts from 1 to 4 are suppressed
// (and the percentages built on them withheld) so that no child can be identified in a small team. A
// count of 5 or more hidden only to protect a small one (secondary suppression) reads "withheld": to
// call it "fewer than 5" would be untrue.

export const FEWER_THAN_5 = 'fewer than 5';
export const WITHHELD = 'withheld';

/** Why a count is not shown, in words; null when it is shown. */
function hiddenCount(row: PublishedRow, field: PublishedCount): string | null {
  if (row.secondary?.includes(field)) return WITHHELD;
  if (row.suppressed.includes(field) || row[field] === null) return FEWER_THAN_5;
  return null;
}

/** A count for the CSV: digits only, or why it is hidden. */
export function countValue(row: PublishedRow, field: PublishedCount): string {
  return hiddenCount(row, field) ?? String(row[field]);
}

/** A percentage for the CSV: one decimal, "withheld", or empty when there was nothing to divide by. */
export function percentageValue(row: PublishedRow, field: PublishedPercentage): string {
  const value = row[field];
  if (row.withheld.includes(field)) return WITHHELD;
  return value === null ? '' : value.toFixed(1);
}

/** A count on the page: with thousands separators, or why it is hidden. */
export function countText(row: PublishedRow, field: PublishedCount): string {
  return hiddenCount(row, field) ?? (row[field] as number).toLocaleString('en-GB');
}

/** A percentage on the page: `none` in words when there was nothing to divide by. */
export function percentageText(row: PublishedRow, field: PublishedPercentage, none: string): string {
  const value = percentageValue(row, field);
  return value === '' ? none : value;
}

import type { PublishedCount, PublishedPercentage, PublishedRow } from './public-timeliness.types';

// How a published number is written, on the page and in the CSV. Counts from 1 to 4 are suppressed
// (and the percentages built on them withheld) so that no child can be identified in a small team.

export const FEWER_THAN_5 = 'fewer than 5';
export const WITHHELD = 'withheld';

/** A count for the CSV: digits only, or "fewer than 5" when suppressed. */
export function countValue(row: PublishedRow, field: PublishedCount): string {
  const value = row[field];
  if (row.suppressed.includes(field) || value === null) return FEWER_THAN_5;
  return String(value);
}

/** A percentage for the CSV: one decimal, "withheld", or empty when there was nothing to divide by. */
export function percentageValue(row: PublishedRow, field: PublishedPercentage): string {
  const value = row[field];
  if (row.withheld.includes(field)) return WITHHELD;
  return value === null ? '' : value.toFixed(1);
}

/** A count on the page: with thousands separators. */
export function countText(row: PublishedRow, field: PublishedCount): string {
  const value = row[field];
  if (row.suppressed.includes(field) || value === null) return FEWER_THAN_5;
  return value.toLocaleString('en-GB');
}

/** A percentage on the page: `none` in words when there was nothing to divide by. */
export function percentageText(row: PublishedRow, field: PublishedPercentage, none: string): string {
  const value = percentageValue(row, field);
  return value === '' ? none : value;
}

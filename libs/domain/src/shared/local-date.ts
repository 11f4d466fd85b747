import { ChronoUnit, LocalDate } from '@js-joda/core';
import { DomainError } from './domain-error';
import { epochDayOfDate, epochDayOfIso, isoOfEpochDay } from './epoch-day';

// ISO local dates ('YYYY-MM-DD') are the currency at every boundary; the hot arithmetic counts in epoch
// days (epoch-day.ts), js-joda does the rest and reads or refuses whatever is not such a date.
// With four-digit years the ISO strings sort like the dates, so comparisons stay on strings.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The earliest date a fact of a case (a request, a decision, a plan...) may carry. Statements of SEN
 * began in 1983 and EHC plans in 2014; anything before 1990 is a typing error (0000-01-01, a year
 * written 0025), never history, and PostgreSQL has no year 0. Query dates use it too.
 */
export const EARLIEST_FACT_DATE = '1990-01-01';

/** The earliest date of birth: plans run to age 25, so this is sanity, not plausibility. */
export const EARLIEST_DATE_OF_BIRTH = '1900-01-01';

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  try {
    localDateOf(value); // rejects 2025-02-29, 2025-13-01...
    return true;
  } catch {
    return false;
  }
}

/** Refuses anything but a real calendar date (INVALID_DATE), naming the field. */
export function assertIsoDate(value: unknown, field: string): asserts value is string {
  if (!isIsoDate(value)) {
    throw new DomainError(
      'INVALID_DATE',
      `${field} must be a calendar date YYYY-MM-DD, got ${String(value)}`,
      field,
    );
  }
}

/**
 * The date of an ISO string, as LocalDate.parse reads it (and refuses what it refuses), without
 * js-joda's general-purpose parser: every deadline is a few of these, and a rebuild folds millions of
 * events, where the parser was a third of the domain's time.
 */
function localDateOf(date: string): LocalDate {
  if (!ISO_DATE.test(date)) return LocalDate.parse(date);
  return LocalDate.of(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

export function plusDays(date: string, days: number): string {
  const epochDay = epochDayOfIso(date);
  return (
    (Number.isNaN(epochDay) ? null : isoOfEpochDay(epochDay + days)) ??
    localDateOf(date).plusDays(days).toString()
  );
}

/**
 * The last day of "the period of 12 months starting with" D: D + 1 year - 1 day (1 Jan 2019 ends on
 * 31 Dec 2019; 1 Mar 2023 on 29 Feb 2024). A period starting on 29 February ends on the last day of
 * the next February, like one starting on 1 March (DOMAIN.md, 2nd ed.: 29 Feb 2024 ends on 28 Feb
 * 2025). js-joda alone would clamp 29 Feb 2024 + 1 year to 28 Feb 2025 and then take a day off.
 */
export function plusYearMinusDay(date: string): string {
  if (!Number.isNaN(epochDayOfIso(date))) {
    const year = Number(date.slice(0, 4));
    const month = Number(date.slice(5, 7));
    const day = Number(date.slice(8, 10));
    // Any day but 29 February exists a year later; that one counts as if it were 1 March.
    const yearLater =
      month === 2 && day === 29 ? epochDayOfDate(year + 1, 3, 1) : epochDayOfDate(year + 1, month, day);
    const last = isoOfEpochDay(yearLater - 1);
    if (last !== null) return last;
  }
  const start = localDateOf(date);
  const asIfMarch = start.monthValue() === 2 && start.dayOfMonth() === 29 ? start.plusDays(1) : start;
  return asIfMarch.plusYears(1).minusDays(1).toString();
}

/** D + N calendar months (N may be negative), clamped to the month's last day: 31 Jul - 5 months = 28/29 Feb. */
export function plusMonths(date: string, months: number): string {
  return localDateOf(date).plusMonths(months).toString();
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const days = epochDayOfIso(to) - epochDayOfIso(from);
  return Number.isNaN(days) ? localDateOf(from).until(localDateOf(to), ChronoUnit.DAYS) : days;
}

/** D - N years; js-joda maps 29 February to 28 February in a common year. */
export function yearsBefore(date: string, years: number): string {
  return localDateOf(date).minusYears(years).toString();
}

export function yearOf(date: string): number {
  return localDateOf(date).year();
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

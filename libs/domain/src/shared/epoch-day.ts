import { boundedMemo } from './bounded-memo';
// Proleptic Gregorian dates as plain integers (days since 1970-01-01), the calendar js-joda's
// LocalDate counts in: deadlines are recomputed on every event a rebuild folds, and a LocalDate per
// step of arithmetic was most of their cost and garbage. Civil <-> day conversions: H. Hinnant,
// "chrono-Compatible Low-Level Date Algorithms".

const DASH = 45;
const ZERO = 48;
/** Days from 0000-03-01 to 1970-01-01. */
const EPOCH_SHIFT = 719_468;
const DAYS_PER_ERA = 146_097;

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function lengthOfMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The epoch day of a calendar date (month 1-12, day within the month). */
export function epochDayOfDate(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_ERA + dayOfEra - EPOCH_SHIFT;
}

/**
 * The epoch day of 'YYYY-MM-DD' naming a real calendar date; NaN for anything else (another shape, a
 * 30 February), which the caller hands to js-joda to refuse or read as it always did.
 */
export function epochDayOfIso(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== DASH || date.charCodeAt(7) !== DASH) return NaN;
  const year = digitsAt(date, 0, 4);
  const month = digitsAt(date, 5, 7);
  const day = digitsAt(date, 8, 10);
  // Comparisons with NaN are false: a non-digit anywhere fails here too.
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= lengthOfMonth(year, month))) return NaN;
  return epochDayOfDate(year, month, day);
}

/**
 * 'YYYY-MM-DD' of an epoch day, as LocalDate.toString writes it; null outside years 0000-9999 (js-joda
 * writes those with a sign, the caller's business).
 */
export const isoOfEpochDay: (epochDay: number) => string | null = boundedMemo(
  // About 55 years of days: a rebuild works out the same few thousand due dates on every event of
  // every case, and one string per date (flat, compared by reference first) is quicker to compare.
  20_000,
  isoOfEpochDayWorkedOut,
);

function isoOfEpochDayWorkedOut(epochDay: number): string | null {
  const shifted = epochDay + EPOCH_SHIFT;
  const era = Math.floor(shifted / DAYS_PER_ERA);
  const dayOfEra = shifted - era * DAYS_PER_ERA;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return isoOfDate(year, month, day);
}

/** 'YYYY-MM-DD' of a calendar date; null outside years 0000-9999. */
export function isoOfDate(year: number, month: number, day: number): string | null {
  if (year < 0 || year > 9999) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let index = from; index < to; index += 1) {
    const digit = text.charCodeAt(index) - ZERO;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return value;
}

/** The months' names, January first. */
export const GOVUK_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A date the GOV.UK way: '2025-01-06' (or an ISO instant on that date) -> '6 January 2025'. Dates are
 * written from their text, never through a Date in the server's zone. Anything else is shown as given.
 */
export function govukDate(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value));
  if (!match) return String(value);
  const [, year, month, day] = match;
  const monthName = GOVUK_MONTHS[Number(month) - 1];
  if (!monthName || Number(day) < 1 || Number(day) > 31) return String(value);
  return `${Number(day)} ${monthName} ${year}`;
}

/** A month the GOV.UK way: '2025-01' -> 'January 2025'. */
export function govukMonth(month: string): string {
  const [year, number] = month.split('-');
  return `${GOVUK_MONTHS[Number(number) - 1]} ${year}`;
}

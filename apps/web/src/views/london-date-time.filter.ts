import { govukDate } from './govuk-date.filter';

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant as the council reads it, in Europe/London whatever the server's zone:
 * '2025-01-06T14:05:00Z' -> '6 January 2025 at 2:05pm'. Registered as `mojDate`, the filter MOJ's timeline
 * calls, so its items take `datetime: { timestamp, type: 'datetime' | 'date' }`.
 */
export function londonDateTime(value: unknown, type: string = 'datetime'): string {
  const instant = new Date(String(value));
  if (value === null || value === undefined || Number.isNaN(instant.getTime())) return String(value ?? '');
  const parts = Object.fromEntries(LONDON.formatToParts(instant).map((p) => [p.type, p.value]));
  const date = govukDate(`${parts.year}-${parts.month}-${parts.day}`);
  if (type === 'date') return date;
  const hour = Number(parts.hour);
  const time = `${hour % 12 === 0 ? 12 : hour % 12}:${parts.minute}${hour < 12 ? 'am' : 'pm'}`;
  return `${date} at ${time}`;
}

// "Today" is a London day and alerts fire at a local time in England. @js-joda/timezone is not
// installed, so the Europe/London offset comes from the runtime's time-zone database through Intl.

const TIME_ZONE = 'Europe/London';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * 60 * MINUTE;

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function wallParts(instant: number): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const part of wallClock.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts;
}

/** Minutes Europe/London is ahead of UTC at `instant` (0 in GMT, 60 in BST). */
function offsetMinutesAt(instant: number): number {
  const p = wallParts(instant);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / MINUTE);
}

/**
 * The instant the London wall clock shows `time` ('HH:MM') on `date` ('YYYY-MM-DD'). A time skipped
 * when clocks go forward is read with the offset before the change (01:30 -> 02:30 BST); a time that
 * occurs twice when they go back is its first occurrence, as java.time resolves them.
 */
export function londonInstant(date: string, time: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const before = offsetMinutesAt(wall - DAY);
  const after = offsetMinutesAt(wall + DAY);
  const valid = [before, after]
    .map((offset) => wall - offset * MINUTE)
    .filter((instant) => offsetMinutesAt(instant) * MINUTE === wall - instant);
  return new Date(valid.length > 0 ? Math.min(...valid) : wall - before * MINUTE);
}

/**
 * The last UTC hour londonDate answered for, and its answer. London's offset from UTC has been whole
 * hours since 1847, so its midnight is always on a UTC hour: one date per UTC hour. Every command
 * asks (today, in validation and in the handler): Intl's formatToParts was ~1% of the api under load.
 */
let lastHour: { readonly hour: number; readonly date: string } | undefined;

/** The London calendar date ('YYYY-MM-DD') at `instant`. */
export function londonDate(instant: Date): string {
  const hour = Math.floor(instant.getTime() / HOUR);
  if (lastHour?.hour === hour) return lastHour.date;
  const p = wallParts(instant.getTime());
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const date = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  lastHour = { hour, date };
  return date;
}

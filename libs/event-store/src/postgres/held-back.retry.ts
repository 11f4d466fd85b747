/**
 * Re-read delays while committed events are held back by an older open transaction: its end sends no
 * notification, so a live reader polls, from 10 ms doubling to 50 ms (the read-your-writes budget),
 * rather than waiting out the whole poll interval after it.
 */
export const HELD_BACK_RETRY_MS = 10;
export const HELD_BACK_RETRY_MAX_MS = 50;

/**
 * The next re-read delay of a live reader whose page was short; 0: wait for a notification (or the poll
 * interval). Committed events held back by an older transaction appear when that one ends, which
 * NOTIFY does not announce: re-read soon, backing off to HELD_BACK_RETRY_MAX_MS while it stays open.
 */
export function nextHeldBackRetry(current: number, readSomething: boolean, heldBack: boolean): number {
  if (!heldBack) return 0;
  if (readSomething || current === 0) return HELD_BACK_RETRY_MS;
  return Math.min(current * 2, HELD_BACK_RETRY_MAX_MS);
}

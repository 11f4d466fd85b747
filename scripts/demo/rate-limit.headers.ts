/** The answer's headers, as `fetch`'s Headers gives them (lower-case names). */
export interface HeaderReader {
  get(name: string): string | null;
}

/** What the api says of the caller's budget: `RateLimit-*` (IETF draft) or the `X-RateLimit-*` the api sends. */
export interface RateLimitState {
  readonly remaining: number;
  /** Seconds until the budget's window starts again. */
  readonly resetSeconds: number;
}

/** No wait is longer than this: a stray header must not park the loader for an hour. */
const MAX_WAIT_MS = 120_000;

function numberHeader(headers: HeaderReader, names: readonly string[]): number | undefined {
  for (const name of names) {
    const value = headers.get(name);
    if (value === null || value.trim() === '') continue;
    const parsed = Number(value);
    if (Number.isFinite(parsed) && parsed >= 0) return parsed;
  }
  return undefined;
}

/** The budget the answer reports, or undefined when it reports none (a public route, another server). */
export function rateLimitStateOf(headers: HeaderReader): RateLimitState | undefined {
  const remaining = numberHeader(headers, ['ratelimit-remaining', 'x-ratelimit-remaining']);
  const resetSeconds = numberHeader(headers, ['ratelimit-reset', 'x-ratelimit-reset']);
  if (remaining === undefined || resetSeconds === undefined) return undefined;
  return { remaining, resetSeconds };
}

/**
 * How long every request should hold back after this answer: until the window resets once fewer calls
 * are left than there are requests already on their way (they will spend them), else not at all.
 */
export function holdAfterMs(headers: HeaderReader, inFlight: number): number {
  const state = rateLimitStateOf(headers);
  if (!state || state.remaining >= Math.max(1, inFlight)) return 0;
  return Math.min(MAX_WAIT_MS, state.resetSeconds * 1000);
}

/** A 429's Retry-After (seconds or an HTTP date), else the window's reset, else undefined. */
export function retryAfterMs(headers: HeaderReader, now: number = Date.now()): number | undefined {
  const value = headers.get('retry-after');
  if (value !== null && value.trim() !== '') {
    const seconds = Number(value);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(MAX_WAIT_MS, seconds * 1000);
    const at = Date.parse(value);
    if (Number.isFinite(at)) return Math.min(MAX_WAIT_MS, Math.max(0, at - now));
  }
  const state = rateLimitStateOf(headers);
  return state ? Math.min(MAX_WAIT_MS, state.resetSeconds * 1000) : undefined;
}

import { sleep } from '@ehcp/config';

/** The api's rate limit for one caller: its RATE_LIMIT_PER_MINUTE and RATE_LIMIT_WINDOW_SECONDS. */
export interface RateLimit {
  readonly perWindow: number;
  readonly windowSeconds: number;
}

/**
 * Spaces requests evenly under the api's budget, shared by all the import's workers, and holds them
 * all back when the api says to (429 Retry-After). Keeps a margin below the budget so that the api's
 * fixed windows are not crossed at their edges.
 */
export class RequestPacer {
  private readonly intervalMs: number;
  private nextAt = 0;

  constructor({ perWindow, windowSeconds }: RateLimit) {
    this.intervalMs = (windowSeconds * 1000) / (perWindow * 0.9);
  }

  /** Resolves when the next request may start. */
  async slot(): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.nextAt);
    this.nextAt = at + this.intervalMs;
    if (at > now) await sleep(at - now);
  }

  /** No request starts before `ms` from now. */
  holdFor(ms: number): void {
    this.nextAt = Math.max(this.nextAt, Date.now() + ms);
  }
}

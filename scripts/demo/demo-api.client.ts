import { backoffMs, sleep } from '@ehcp/config';
import { holdAfterMs, retryAfterMs } from './rate-limit.headers';

/**
 * The api cannot be used: it did not answer (or kept answering "unavailable" or "too many requests")
 * through every retry, or it refuses the token. The demo stops loading and says so.
 */
export class DemoApiError extends Error {}

export interface DemoAnswer {
  readonly status: number;
  /** The JSON answer (undefined when there was none). */
  readonly body: unknown;
  /** The api answered from its Idempotency-Key store: the command had already taken effect. */
  readonly replayed: boolean;
}

export interface DemoApiClientOptions {
  readonly baseUrl: string;
  readonly token: string;
  /** Attempts for a request the api could not serve (network error, 502/503/504). Default 6. */
  readonly attempts?: number;
  readonly requestTimeoutMs?: number;
}

const UNAVAILABLE = new Set([502, 503, 504]);
/** A 429 waits and tries again; this many in a row for one request means something else is wrong. */
const MAX_RATE_LIMITED = 30;
/** The shared backoff (libs/config) between retries: also the least a 429 waits once it repeats. */
const BACKOFF = { baseMs: 500, maxMs: 30_000, jitter: true } as const;

/**
 * HTTP to the api under its per-caller rate limit, shared by all the loader's workers: each answer's
 * `RateLimit-*` / `X-RateLimit-*` headers say how much of the budget is left; when the requests
 * already on their way would spend it, every worker holds back until the window resets, and a 429
 * holds them all for its Retry-After. Commands carry an Idempotency-Key, so a request repeated after a
 * lost answer (or a re-run after a crash) appends nothing twice.
 */
export class DemoApiClient {
  private readonly attempts: number;
  private readonly timeoutMs: number;
  private holdUntil = 0;
  private inFlight = 0;
  /** Requests answered 429 and sent again: the demo's summary reports them. */
  rateLimitedRetries = 0;
  /** Times every request was held back until the window reset (budget spent, or a 429). */
  rateLimitWaits = 0;

  constructor(private readonly options: DemoApiClientOptions) {
    this.attempts = options.attempts ?? 6;
    this.timeoutMs = options.requestTimeoutMs ?? 30_000;
  }

  post(path: string, body: unknown, idempotencyKey: string): Promise<DemoAnswer> {
    return this.send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(body),
    });
  }

  get(path: string): Promise<DemoAnswer> {
    return this.send(path, { method: 'GET' });
  }

  private async send(path: string, init: RequestInit): Promise<DemoAnswer> {
    let failures = 0;
    let rateLimited = 0;
    for (;;) {
      await this.turn();
      const response = await this.fetch(path, init);
      if (response instanceof Response && response.status === 429) {
        rateLimited += 1;
        this.rateLimitedRetries += 1;
        await response.body?.cancel();
        if (rateLimited > MAX_RATE_LIMITED)
          throw new DemoApiError(
            `${this.describe(init, path)} was refused 429 (rate limited) ${rateLimited} times`,
          );
        const wait = Math.max(retryAfterMs(response.headers) ?? 0, backoffMs(rateLimited, BACKOFF));
        this.hold(wait);
        continue;
      }
      if (response instanceof Response && response.status === 401)
        throw new DemoApiError(
          'the api refuses the demo token (401): is AUTH_JWT_SECRET the same as the api’s?',
        );
      const unavailable = !(response instanceof Response) || UNAVAILABLE.has(response.status);
      if (!unavailable)
        return {
          status: response.status,
          body: await jsonOf(response),
          replayed: response.headers.get('idempotent-replayed') === 'true',
        };
      failures += 1;
      if (failures >= this.attempts)
        throw new DemoApiError(
          `${this.describe(init, path)} failed ${failures} times: ` +
            (response instanceof Response ? `HTTP ${response.status}` : response.message),
        );
      if (response instanceof Response) await response.body?.cancel();
      await sleep(backoffMs(failures, BACKOFF));
    }
  }

  /** Waits while the budget is held back (re-checking: another answer may extend the hold). */
  private async turn(): Promise<void> {
    for (let wait = this.holdUntil - Date.now(); wait > 0; wait = this.holdUntil - Date.now())
      await sleep(wait);
  }

  private hold(ms: number): void {
    const now = Date.now();
    if (ms > 0 && this.holdUntil <= now) this.rateLimitWaits += 1;
    this.holdUntil = Math.max(this.holdUntil, now + ms);
  }

  private async fetch(path: string, init: RequestInit): Promise<Response | Error> {
    this.inFlight += 1;
    try {
      const response = await fetch(`${this.options.baseUrl}${path}`, {
        ...init,
        headers: { ...init.headers, authorization: `Bearer ${this.options.token}` },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      this.hold(holdAfterMs(response.headers, this.inFlight - 1));
      return response;
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    } finally {
      this.inFlight -= 1;
    }
  }

  /** The request without its ids: enough to say which call failed. */
  private describe(init: RequestInit, path: string): string {
    return `${init.method} ${this.options.baseUrl}${path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id')}`;
  }
}

async function jsonOf(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

import { backoffMs, sleep } from '@ehcp/config';
import { RequestPacer, type RateLimit } from './request.pacer';

/**
 * The api cannot be used: it did not answer (or kept answering "unavailable") through every retry, or it
 * refuses the token. Nothing more can be imported: the import stops.
 */
export class ImportApiError extends Error {}

export interface ApiAnswer {
  readonly status: number;
  /** The JSON answer (undefined when there was none). */
  readonly body: unknown;
}

export interface ImportApiClientOptions {
  readonly baseUrl: string;
  readonly token: string;
  readonly rateLimit: RateLimit;
  /** Attempts for a request the api could not serve (network error, 502/503/504). Default 6. */
  readonly attempts?: number;
  readonly requestTimeoutMs?: number;
}

const UNAVAILABLE = new Set([502, 503, 504]);
/** A 429 waits and tries again; this many in a row for one request means something else is wrong. */
const MAX_RATE_LIMITED = 30;

/**
 * HTTP to the api as a caseworker's client would use it. Every command carries its Idempotency-Key,
 * so a request retried after a lost answer is recognised and appends nothing twice.
 */
export class ImportApiClient {
  private readonly pacer: RequestPacer;
  private readonly attempts: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: ImportApiClientOptions) {
    this.pacer = new RequestPacer(options.rateLimit);
    this.attempts = options.attempts ?? 6;
    this.timeoutMs = options.requestTimeoutMs ?? 30_000;
  }

  /** Fails with ImportApiError unless the api answers its liveness probe. */
  async checkReachable(): Promise<void> {
    const url = `${this.options.baseUrl}/health/live`;
    const ok = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) }).then(
      (response) => response.ok,
      () => false,
    );
    if (!ok) throw new ImportApiError(`the api does not answer at ${this.options.baseUrl}`);
  }

  post(path: string, body: unknown, idempotencyKey: string): Promise<ApiAnswer> {
    return this.send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(body),
    });
  }

  get(path: string): Promise<ApiAnswer> {
    return this.send(path, { method: 'GET' });
  }

  private async send(path: string, init: RequestInit): Promise<ApiAnswer> {
    let failures = 0;
    let rateLimited = 0;
    for (;;) {
      await this.pacer.slot();
      const response = await this.fetch(path, init).catch((error: Error) => error);
      if (response instanceof Response && response.status === 429 && rateLimited < MAX_RATE_LIMITED) {
        rateLimited += 1;
        this.pacer.holdFor(retryAfterMs(response));
        await response.body?.cancel();
        continue;
      }
      if (response instanceof Response && response.status === 401)
        throw new ImportApiError(
          'the api refuses the token (401): check --token, IMPORT_TOKEN or AUTH_JWT_SECRET',
        );
      const unavailable = !(response instanceof Response) || UNAVAILABLE.has(response.status);
      if (!unavailable) return { status: response.status, body: await jsonOf(response) };
      failures += 1;
      if (failures >= this.attempts)
        throw new ImportApiError(
          `${init.method} ${this.options.baseUrl}${path.replace(/\/cases\/[^/]+/, '/cases/:id')} failed ` +
            `${failures} times: ${response instanceof Response ? `HTTP ${response.status}` : response.message}`,
        );
      if (response instanceof Response) await response.body?.cancel();
      await sleep(backoffMs(failures, { baseMs: 500, maxMs: 10_000, jitter: true }));
    }
  }

  private fetch(path: string, init: RequestInit): Promise<Response> {
    return fetch(`${this.options.baseUrl}${path}`, {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${this.options.token}` },
      signal: AbortSignal.timeout(this.timeoutMs),
    });
  }
}

function retryAfterMs(response: Response): number {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 120) * 1000 : 1000;
}

async function jsonOf(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

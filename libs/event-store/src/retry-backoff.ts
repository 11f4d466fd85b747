import { EventStoreTimeout } from './event-store.errors';

/** Full-jitter exponential backoff: spreads competing retries apart instead of re-colliding them. */
export function jitteredBackoffMs(attempt: number, baseMs: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(Math.random() * ceiling);
}

/**
 * Rejects with EventStoreTimeout after `timeoutMs`. Client libraries can hang on a peer that accepts
 * TCP but never answers (STACK.md), so every remote call gets an application-level deadline.
 */
export function withTimeout<T>(operation: string, timeoutMs: number, call: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new EventStoreTimeout(operation, timeoutMs)), timeoutMs);
  });
  return Promise.race([call, deadline]).finally(() => clearTimeout(timer));
}

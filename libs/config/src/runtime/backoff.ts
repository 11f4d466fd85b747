export interface BackoffPolicy {
  /** The delay before the first retry. */
  readonly baseMs: number;
  /** No delay is longer than this. */
  readonly maxMs: number;
  /**
   * Full jitter: a random delay between 0 and the exponential one. For retries that compete (writers
   * of one stream, clients of one server), so that they spread apart instead of colliding again.
   */
  readonly jitter?: boolean;
}

/** Exponential backoff: the delay before retry `attempt` (1 = the first) doubles each time, capped. */
export function backoffMs(attempt: number, { baseMs, maxMs, jitter = false }: BackoffPolicy): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return jitter ? Math.round(Math.random() * ceiling) : ceiling;
}

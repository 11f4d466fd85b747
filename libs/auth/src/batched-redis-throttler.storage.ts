import type { ThrottlerStorage } from '@nestjs/throttler';
import type Redis from 'ioredis';

export type ThrottlerRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** How long a hit counted locally waits before it reaches Redis (with every other hit of that moment). */
const FLUSH_INTERVAL_MS = 50;
/** Past this many callers with a live window, expired windows are swept before a new one is added. */
const SWEEP_ABOVE = 10_000;

/**
 * Adds ARGV[4] hits to a caller's fixed window: @nest-lab/throttler-storage-redis's script (same keys,
 * same blocking), counting several hits in one call. Run by EVALSHA: the script's text is sent once.
 */
const INCREMENT_SCRIPT = `
local hitKey = KEYS[1]
local blockKey = KEYS[2]
local ttl = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local blockDuration = tonumber(ARGV[3])
local hits = tonumber(ARGV[4])
local totalHits = redis.call('INCRBY', hitKey, hits)
local timeToExpire = redis.call('PTTL', hitKey)
if timeToExpire <= 0 then
  redis.call('PEXPIRE', hitKey, ttl)
  timeToExpire = ttl
end
local isBlocked = redis.call('GET', blockKey)
local timeToBlockExpire = 0
if isBlocked then
  timeToBlockExpire = redis.call('PTTL', blockKey)
elseif totalHits > limit then
  redis.call('SET', blockKey, 1, 'PX', blockDuration)
  isBlocked = '1'
  timeToBlockExpire = blockDuration
end
if isBlocked and timeToBlockExpire <= 0 then
  redis.call('DEL', blockKey)
  redis.call('SET', hitKey, hits, 'PX', ttl)
  totalHits = hits
  timeToExpire = ttl
  isBlocked = false
end
return { totalHits, timeToExpire, isBlocked and 1 or 0, timeToBlockExpire }
`;

type RedisWithIncrement = Redis & {
  throttlerIncrementBy(
    hitKey: string,
    blockKey: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    hits: number,
  ): Promise<[number, number, number, number]>;
};

/** A throttler's call, as ThrottlerGuard makes it. */
interface Limits {
  readonly ttl: number;
  readonly limit: number;
  readonly blockDuration: number;
  readonly throttlerName: string;
}

/** What this instance knows of one caller's window. */
interface Window {
  /** The window's total in Redis at the last answer (every instance's hits). */
  shared: number;
  /** Hits let through here and not yet sent to Redis. */
  pending: number;
  expiresAt: number;
  readonly limits: Limits;
}

/**
 * Rate-limit counts in Redis, shared by every api instance, without a Redis call on most requests.
 * A caller far from the limit (under half of it, by this instance's latest knowledge) is let through
 * at once and the hit is sent with others of the same FLUSH_INTERVAL_MS in one call; near the limit,
 * on a caller's first request of a window, and while blocked, every request asks Redis and waits, as
 * an unbatched counter would. So one instance refuses exactly at the limit; several instances can let
 * through at most what each counted locally in the last interval before they learn of each other's
 * hits, and only while the caller is below half the limit. `increment` answers at once when it counted
 * the hit locally, else with a promise of Redis's count (so only that needs a deadline). Redis errors
 * reject that promise; a failed flush forgets its windows, so the next request asks Redis (and sees it fail).
 */
export class BatchedRedisThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly flushIntervalMs = FLUSH_INTERVAL_MS,
  ) {
    redis.defineCommand('throttlerIncrementBy', { numberOfKeys: 2, lua: INCREMENT_SCRIPT });
  }

  /** A hit: counted here for the next flush while the caller is far from the limit, else in Redis now. */
  increment(key: string, limits: Limits): ThrottlerRecord | Promise<ThrottlerRecord> {
    return this.countLocally(key, limits.limit) ?? this.countInRedis(key, limits);
  }

  /** The hit let through and counted for the next flush if the caller is far from the limit, else undefined. */
  private countLocally(key: string, limit: number): ThrottlerRecord | undefined {
    const now = Date.now();
    const window = this.windows.get(key);
    if (!window || now >= window.expiresAt || window.shared + window.pending + 1 >= limit / 2)
      return undefined;
    window.pending += 1;
    this.scheduleFlush();
    return {
      totalHits: window.shared + window.pending,
      timeToExpire: Math.ceil((window.expiresAt - now) / 1000),
      isBlocked: false,
      timeToBlockExpire: 0,
    };
  }

  /** The hit, and whatever is still pending for the caller, counted in Redis now. */
  private async countInRedis(key: string, limits: Limits): Promise<ThrottlerRecord> {
    const window = this.windows.get(key);
    const hits = 1 + (window && Date.now() < window.expiresAt ? window.pending : 0);
    if (window) window.pending = 0;
    try {
      return this.remember(key, limits, await this.send(key, limits, hits));
    } catch (error) {
      this.windows.delete(key);
      throw error;
    }
  }

  /** Sends every pending hit now (shutdown, tests). */
  async flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const due = [...this.windows].filter(([, window]) => window.pending > 0);
    await Promise.all(
      due.map(async ([key, window]) => {
        const hits = window.pending;
        window.pending = 0;
        try {
          this.remember(key, window.limits, await this.send(key, window.limits, hits));
        } catch {
          // Fails open like a refused count: the hits are lost, the next request asks Redis itself.
          this.windows.delete(key);
        }
      }),
    );
  }

  close(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.windows.clear();
  }

  private scheduleFlush(): void {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => void this.flush(), this.flushIntervalMs);
    this.flushTimer.unref();
  }

  private async send(key: string, limits: Limits, hits: number): Promise<[number, number, number, number]> {
    const prefix = `{${key}:${limits.throttlerName}}`;
    return (this.redis as RedisWithIncrement).throttlerIncrementBy(
      `${prefix}:hits`,
      `${prefix}:blocked`,
      limits.ttl,
      limits.limit,
      limits.blockDuration,
      hits,
    );
  }

  /** Keeps Redis's answer as the caller's window; returns it as ThrottlerGuard reads it. */
  private remember(
    key: string,
    limits: Limits,
    [totalHits, timeToExpire, isBlocked, timeToBlockExpire]: [number, number, number, number],
  ): ThrottlerRecord {
    const current = this.windows.get(key);
    const pending = current?.pending ?? 0;
    if (!current && this.windows.size >= SWEEP_ABOVE) this.sweep();
    // A blocked caller counts as at the limit: each of its requests asks Redis until the block ends.
    const shared = isBlocked === 1 ? limits.limit : totalHits;
    this.windows.set(key, { shared, pending, expiresAt: Date.now() + timeToExpire, limits });
    return {
      totalHits,
      timeToExpire: Math.ceil(timeToExpire / 1000),
      isBlocked: isBlocked === 1,
      timeToBlockExpire: Math.ceil(timeToBlockExpire / 1000),
    };
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, window] of this.windows)
      if (window.expiresAt <= now && window.pending === 0) this.windows.delete(key);
  }
}

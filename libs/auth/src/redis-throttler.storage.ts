import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import Redis from 'ioredis';
import { Counter } from 'prom-client';
import { metricsRegistry, withTimeout } from '@ehcp/config';
import { BatchedRedisThrottlerStorage, type ThrottlerRecord } from './batched-redis-throttler.storage';

/** The most a request waits on Redis for its rate-limit count before counting in memory instead. */
const REDIS_BUDGET_MS = 500;
/** How long start-up waits for Redis before serving with in-memory counts. */
const CONNECT_WAIT_MS = 5000;

const METRIC = 'ehcp_api_rate_limit_redis_failures_total';
const redisFailures =
  (metricsRegistry.getSingleMetric(METRIC) as Counter | undefined) ??
  new Counter({
    name: METRIC,
    help: 'Rate-limit checks counted in this instance only because Redis did not answer',
    registers: [metricsRegistry],
  });

/**
 * A rate-limit connection of its own: commands fail at once while Redis is away instead of queueing
 * (BullMQ's shared connection retries for ever, which would hold every request).
 */
function connectFailFast(url: string): Redis {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
  // Outages surface through the fallback's warning and metric; unheard, ioredis would log each retry.
  redis.on('error', () => undefined);
  return redis;
}

/**
 * Rate-limit counters in Redis, shared by every api instance (keys under RATE_LIMIT_REDIS_PREFIX),
 * most hits sent in batches (BatchedRedisThrottlerStorage: no Redis call on most requests).
 * Fails open: when Redis does not answer within REDIS_BUDGET_MS, the request is counted in this
 * instance's memory instead, so caseworkers keep working and each instance still limits on its own.
 */
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly shared: BatchedRedisThrottlerStorage;
  private readonly local = new ThrottlerStorageService();
  private degraded = false;

  private constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    this.shared = new BatchedRedisThrottlerStorage(redis);
  }

  static async connect(url: string, prefix: string): Promise<RedisThrottlerStorage> {
    const redis = connectFailFast(url);
    const ready = new Promise<void>((resolve) => redis.once('ready', () => resolve()));
    await withTimeout(ready, CONNECT_WAIT_MS, 'Redis (rate limits)').catch((error: Error) =>
      new Logger('RateLimit').warn(`${error.message}: counting in memory until it answers`),
    );
    return new RedisThrottlerStorage(redis, prefix);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerRecord> {
    const shared = this.shared.increment(`${this.prefix}${key}`, {
      ttl,
      limit,
      blockDuration,
      throttlerName,
    });
    // Counted here, to be sent with the next batch: no Redis call to wait for, so no deadline to set.
    if (!(shared instanceof Promise)) {
      this.recovered();
      return shared;
    }
    try {
      const record = await withTimeout(shared, REDIS_BUDGET_MS, 'Redis (rate limits)');
      this.recovered();
      return record;
    } catch (error) {
      this.failedOver(error as Error);
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.local.onApplicationShutdown();
    await this.shared.flush();
    this.shared.close();
    this.redis.disconnect();
  }

  private failedOver(error: Error): void {
    redisFailures.inc();
    if (this.degraded) return;
    this.degraded = true;
    this.logger.warn(`rate limits counted per instance: Redis did not answer (${error.message})`);
  }

  private recovered(): void {
    if (!this.degraded) return;
    this.degraded = false;
    this.logger.log('rate limits shared through Redis again');
  }
}

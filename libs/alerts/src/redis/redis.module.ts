import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { APP_CONFIG, type AppConfig, type ReadinessCheck, withTimeout } from '@ehcp/config';
import Redis from 'ioredis';

/** Injection token of the process's shared ioredis connection. */
export const REDIS_CONNECTION = Symbol('REDIS_CONNECTION');

/** BullMQ needs maxRetriesPerRequest: null on the connections its workers use (STACK.md). */
export function createRedisConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
}

@Injectable()
export class RedisReadinessCheck implements ReadinessCheck {
  constructor(
    @Inject(REDIS_CONNECTION) private readonly redis: Redis,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async isReady() {
    const session = this.indicator.check('redis');
    try {
      await withTimeout(this.redis.ping(), 1000, 'Redis');
      return session.up();
    } catch (error) {
      return session.down({ message: (error as Error).message });
    }
  }
}

@Injectable()
class RedisConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CONNECTION) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    // QUIT waits for a reply that never comes while Redis is unreachable: only a connected client quits.
    if (this.redis.status !== 'ready') return this.redis.disconnect();
    await withTimeout(this.redis.quit(), 2000, 'Redis QUIT').catch(() => this.redis.disconnect());
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS_CONNECTION,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const redis = createRedisConnection(config.REDIS_URL);
        // Connection errors surface through readiness; without a listener ioredis would log each retry as unhandled.
        redis.on('error', () => undefined);
        return redis;
      },
    },
    RedisConnectionCloser,
  ],
  exports: [REDIS_CONNECTION],
})
export class RedisModule {}

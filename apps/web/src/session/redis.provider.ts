import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, withTimeout, type AppConfig } from '@ehcp/config';

/** Injection token of the web app's ioredis client (sessions). */
export const WEB_REDIS = Symbol('WEB_REDIS');

export const webRedisProvider: Provider = {
  provide: WEB_REDIS,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => {
    const redis = new Redis(config.REDIS_URL, { enableReadyCheck: true });
    // Connection errors surface through readiness and failed pages, not as unhandled events.
    redis.on('error', () => undefined);
    return redis;
  },
};

@Injectable()
export class WebRedisCloser implements OnApplicationShutdown {
  constructor(@Inject(WEB_REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status !== 'ready') return this.redis.disconnect();
    await withTimeout(this.redis.quit(), 2000, 'Redis QUIT').catch(() => this.redis.disconnect());
  }
}

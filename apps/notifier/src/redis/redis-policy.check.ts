import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { REDIS_CONNECTION } from '@ehcp/alerts';
import type Redis from 'ioredis';

/**
 * Redis holds the alert schedule: an eviction policy other than noeviction silently drops jobs under
 * memory pressure, and without AOF a restart loses them. The sweeper recovers either way, but late:
 * say so loudly at start-up (DESIGN.md).
 */
@Injectable()
export class RedisPolicyCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(RedisPolicyCheck.name);

  constructor(@Inject(REDIS_CONNECTION) private readonly redis: Redis) {}

  onApplicationBootstrap(): void {
    void this.check().then(
      (warnings) => warnings.forEach((warning) => this.logger.warn(warning)),
      (error: Error) =>
        this.logger.warn(
          `cannot read the Redis configuration (${error.message}); make sure it runs with maxmemory-policy noeviction and appendonly yes`,
        ),
    );
  }

  async check(): Promise<string[]> {
    const [, policy] = (await this.redis.config('GET', 'maxmemory-policy')) as string[];
    const [, appendOnly] = (await this.redis.config('GET', 'appendonly')) as string[];
    const warnings: string[] = [];
    if (policy !== 'noeviction')
      warnings.push(`Redis maxmemory-policy is ${policy}, not noeviction: alert jobs may be evicted`);
    if (appendOnly !== 'yes')
      warnings.push('Redis appendonly is off: a Redis restart loses the alert schedule');
    return warnings;
  }
}

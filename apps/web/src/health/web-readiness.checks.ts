import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type Redis from 'ioredis';
import { withTimeout, type ReadinessCheck } from '@ehcp/config';
import { ApiClient } from '../api/api-client';
import { WEB_REDIS } from '../session/redis.provider';

/** The web app is no use while apps/api does not answer. */
@Injectable()
export class ApiReadinessCheck implements ReadinessCheck {
  constructor(
    private readonly api: ApiClient,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async isReady() {
    const check = this.indicator.check('api');
    return (await this.api.isReady()) ? check.up() : check.down({ message: 'the API does not answer' });
  }
}

/** Sessions live in Redis: without it nobody can sign in. */
@Injectable()
export class SessionRedisReadinessCheck implements ReadinessCheck {
  constructor(
    @Inject(WEB_REDIS) private readonly redis: Redis,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async isReady() {
    const check = this.indicator.check('redis');
    try {
      await withTimeout(this.redis.ping(), 1000, 'Redis');
      return check.up();
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }
}

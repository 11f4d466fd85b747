import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '@ehcp/config';
import { AuthGuard } from './auth.guard';
import { JwtVerifier } from './jwt-verifier.service';
import { RateLimitGuard } from './rate-limit.guard';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { RequestAuthenticator } from './request-authenticator.service';

/**
 * Bearer-token authentication, roles and rate limiting on every route but @Public() ones. Needs
 * ConfigModule (APP_CONFIG). The rate-limit counters live in Redis (REDIS_URL), shared by every
 * instance; per instance only while Redis does not answer (RedisThrottlerStorage).
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => ({
        throttlers: [{ ttl: config.RATE_LIMIT_WINDOW_SECONDS * 1000, limit: config.RATE_LIMIT_PER_MINUTE }],
        storage: await RedisThrottlerStorage.connect(config.REDIS_URL, config.RATE_LIMIT_REDIS_PREFIX),
      }),
    }),
  ],
  providers: [
    JwtVerifier,
    RequestAuthenticator,
    // Global guards run in the order given: the rate limit first, so rejected tokens count too.
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule {}

import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { RateLimitedError } from './auth.errors';
import { isExemptFromRateLimit } from './public-route';
import { RequestAuthenticator, type AuthRequest } from './request-authenticator.service';

/**
 * One budget per caller per window (RATE_LIMIT_WINDOW_SECONDS) across the whole API: keyed by user id
 * when the token is valid, else by client IP, so floods of missing or forged tokens are limited too.
 * Runs before AuthGuard.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly authenticator: RequestAuthenticator,
  ) {
    super(options, storage, reflector);
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return isExemptFromRateLimit(this.reflector, context);
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const user = await this.authenticator.authenticated(request as unknown as AuthRequest);
    return user ? `user:${user.id}` : `ip:${await super.getTracker(request)}`;
  }

  /** The default key adds the route, which would give every endpoint its own budget. */
  protected override generateKey(_context: ExecutionContext, tracker: string, throttler: string): string {
    return `${throttler}:${tracker}`;
  }

  protected override async throwThrottlingException(
    _context: ExecutionContext,
    limit: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new RateLimitedError(limit.timeToBlockExpire);
  }
}

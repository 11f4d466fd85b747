import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';

/** Metadata key of routes that need no bearer token (health, metrics); the auth guard honours it. */
export const IS_PUBLIC_ROUTE = 'ehcp:public-route';

/**
 * Metadata key of public routes the rate limit still covers: those open to anyone on the internet
 * (a family's page, the published figures), unlike the probes, which must never be refused.
 */
export const IS_RATE_LIMITED_ROUTE = 'ehcp:rate-limited-public-route';

export interface PublicRouteOptions {
  /** Counted against the caller's budget (by client IP), as authenticated routes are. */
  readonly rateLimited?: boolean;
}

/**
 * Marks a controller or handler as open to unauthenticated callers, and says so in OpenAPI: one empty
 * security requirement, i.e. none needed. Probes skip the rate limit; `rateLimited` routes do not.
 */
export const Public = (options: PublicRouteOptions = {}) =>
  applyDecorators(
    SetMetadata(IS_PUBLIC_ROUTE, true),
    SetMetadata(IS_RATE_LIMITED_ROUTE, options.rateLimited === true),
    ApiSecurity({}),
  );

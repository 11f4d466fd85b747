import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { IS_PUBLIC_ROUTE, IS_RATE_LIMITED_ROUTE } from '@ehcp/config';

/** Routes with @Public() need no token: health and metrics, a family's page, the published figures. */
export function isPublicRoute(reflector: Reflector, context: ExecutionContext): boolean {
  return flagOf(reflector, context, IS_PUBLIC_ROUTE);
}

/**
 * Probes (plain @Public()) skip the rate limit: they must never be refused. Every other route is
 * counted, including @Public({ rateLimited: true }) ones open to anyone on the internet.
 */
export function isExemptFromRateLimit(reflector: Reflector, context: ExecutionContext): boolean {
  return isPublicRoute(reflector, context) && !flagOf(reflector, context, IS_RATE_LIMITED_ROUTE);
}

function flagOf(reflector: Reflector, context: ExecutionContext, key: string): boolean {
  return reflector.getAllAndOverride<boolean>(key, [context.getHandler(), context.getClass()]) === true;
}

import type { HealthIndicatorResult } from '@nestjs/terminus';

/** A dependency an app needs before it can serve: PostgreSQL, Redis, the event store. */
export interface ReadinessCheck {
  isReady(): Promise<HealthIndicatorResult>;
}

/** Injection token: the ReadinessCheck[] an app's /health/ready runs. */
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/** Rejects after `ms`: a dependency that accepts a connection but never answers is not ready. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

import type { HealthIndicatorResult } from '@nestjs/terminus';

/** A dependency an app needs before it can serve: PostgreSQL, Redis, the event store. */
export interface ReadinessCheck {
  isReady(): Promise<HealthIndicatorResult>;
}

/** Injection token: the ReadinessCheck[] an app's /health/ready runs. */
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

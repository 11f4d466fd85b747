import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { metricsRegistry, type ReadinessCheck } from '@ehcp/config';
import { Gauge } from 'prom-client';
import { DeadLetterSummary, type DeadLetterCounts } from './dead-letter.summary';

/** The counts the gauge reports at each scrape: the latest monitor's (tests start several per process). */
let latestCounts: (() => Promise<DeadLetterCounts | undefined>) | undefined;

const deadLetterGauge = new Gauge({
  name: 'ehcp_projection_dead_letters',
  help: 'Events waiting in the dead-letter table (read from PostgreSQL at each scrape): status "parked" failed on their own, "blocked" wait behind one of their case',
  labelNames: ['status'],
  registers: [metricsRegistry],
  async collect() {
    const counts = await latestCounts?.();
    if (!counts) return;
    this.set({ status: 'parked' }, counts.parked);
    this.set({ status: 'blocked' }, counts.blocked);
  },
});

/**
 * Reports the dead letters on `/metrics` and in `/health/ready`'s detail. Readiness stays up while
 * events are parked: the projector is working (every other case is projected), and a restart or a
 * load balancer taking it out of service would fix nothing. Alert on the gauge instead; an operator
 * fixes the cause and runs `npm run projections:dead-letters -- retry`.
 */
@Injectable()
export class DeadLetterMonitor implements ReadinessCheck, OnModuleDestroy {
  constructor(
    private readonly summary: DeadLetterSummary,
    private readonly indicator: HealthIndicatorService,
  ) {
    latestCounts = this.latest;
    deadLetterGauge.reset();
  }

  async isReady() {
    const check = this.indicator.check('deadLetters');
    try {
      return check.up({ ...(await this.summary.counts()) });
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }

  /** The counts now, or nothing when PostgreSQL does not answer (the scrape keeps the last values). */
  readonly latest = (): Promise<DeadLetterCounts | undefined> => this.summary.counts().catch(() => undefined);

  onModuleDestroy(): void {
    if (latestCounts === this.latest) latestCounts = undefined;
  }
}

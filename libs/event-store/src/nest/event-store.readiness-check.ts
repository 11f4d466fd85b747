import { Inject, Injectable } from '@nestjs/common';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import type { ReadinessCheck } from '@ehcp/config';
import { EventStore } from '../event-store.port';
import { EVENT_STORE_OPTIONS, type EventStoreModuleOptions } from './event-store.options';

/** For /health/ready: `HealthModule.forRoot([EventStoreReadinessCheck, ...])`. */
@Injectable()
export class EventStoreReadinessCheck implements ReadinessCheck {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(EVENT_STORE_OPTIONS) private readonly options: EventStoreModuleOptions,
  ) {}

  /** `ping()` is bounded by the adapter's own timeout, so a hung store reads as down, not as a hung probe. */
  async isReady(): Promise<HealthIndicatorResult> {
    const adapter = this.options.eventStoreUrl ? 'kurrentdb' : 'postgresql';
    try {
      await this.store.ping();
      return { eventStore: { status: 'up', adapter } };
    } catch (error) {
      return { eventStore: { status: 'down', adapter, message: (error as Error).message } };
    }
  }
}

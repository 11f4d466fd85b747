import { metricsRegistry } from '@ehcp/config';
import { Counter, Gauge } from 'prom-client';
import type { DeadLetter } from './dead-letter.store';

function createSeries() {
  return {
    eventsProcessed: new Counter({
      name: 'ehcp_projection_events_processed_total',
      help: 'Events applied to the read models (replays skipped by revision not counted)',
      registers: [metricsRegistry],
    }),
    batchFailures: new Counter({
      name: 'ehcp_projection_batch_failures_total',
      help: 'Projection batches that failed and were retried',
      registers: [metricsRegistry],
    }),
    parked: new Counter({
      name: 'ehcp_projection_events_parked_total',
      help: 'Events this projector set aside in the dead-letter table: status "parked" failed on their own, "blocked" wait behind one of their case',
      labelNames: ['status'],
      registers: [metricsRegistry],
    }),
    lagEvents: new Gauge({
      name: 'ehcp_projection_lag_events',
      help: 'Case events in the log not yet applied (estimated while catching up, capped)',
      registers: [metricsRegistry],
    }),
    lagSeconds: new Gauge({
      name: 'ehcp_projection_lag_seconds',
      help: 'Age of the oldest event not yet applied while behind (it grows while a batch keeps failing); at the head, the delay of the last applied event',
      registers: [metricsRegistry],
    }),
  };
}

// One set of series per process, however many runners it starts and stops; created by the first
// runner, so the api and the notifier, which load this library too, export no lag they do not have.
let series: ReturnType<typeof createSeries> | undefined;
const registered = () => (series ??= createSeries());

const secondsBetween = (earlier: Date, later: Date) =>
  Math.max(0, (later.getTime() - earlier.getTime()) / 1000);

/** The projection runner's Prometheus series (DESIGN.md: events processed, lag in events and seconds). */
export const projectionMetrics = {
  register(): void {
    registered();
  },
  applied(events: number, lastRecordedAt: Date, now: Date): void {
    registered().eventsProcessed.inc(events);
    registered().lagSeconds.set(secondsBetween(lastRecordedAt, now));
  },
  failed(): void {
    registered().batchFailures.inc();
  },
  parked(status: DeadLetter['status']): void {
    registered().parked.inc({ status });
  },
  caughtUp(): void {
    registered().lagEvents.set(0);
  },
  /** From the lag probe: `events` not yet applied, the first of them recorded at `oldestRecordedAt`. */
  behind(events: number, oldestRecordedAt: Date | null, now: Date): void {
    registered().lagEvents.set(events);
    if (oldestRecordedAt !== null) registered().lagSeconds.set(secondsBetween(oldestRecordedAt, now));
  },
};

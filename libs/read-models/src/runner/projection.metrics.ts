import { metricsRegistry } from '@ehcp/config';
import { Counter, Gauge } from 'prom-client';

// Module-level: one set of series per process, however many runners it starts and stops.
const eventsProcessed = new Counter({
  name: 'ehcp_projection_events_processed_total',
  help: 'Events applied to the read models (replays skipped by revision not counted)',
  registers: [metricsRegistry],
});
const batchFailures = new Counter({
  name: 'ehcp_projection_batch_failures_total',
  help: 'Projection batches that failed and were retried',
  registers: [metricsRegistry],
});
const lagEvents = new Gauge({
  name: 'ehcp_projection_lag_events',
  help: 'Case events in the log not yet applied (estimated while catching up, capped)',
  registers: [metricsRegistry],
});
const lagSeconds = new Gauge({
  name: 'ehcp_projection_lag_seconds',
  help: 'Seconds between the last applied event being recorded and its batch committing',
  registers: [metricsRegistry],
});

/** The projection runner's Prometheus series (DESIGN.md: events processed, lag in events and seconds). */
export const projectionMetrics = {
  applied(events: number, lastRecordedAt: Date, now = new Date()): void {
    eventsProcessed.inc(events);
    lagSeconds.set(Math.max(0, (now.getTime() - lastRecordedAt.getTime()) / 1000));
  },
  failed(): void {
    batchFailures.inc();
  },
  lag(events: number): void {
    lagEvents.set(events);
  },
};

import { metricsRegistry, withTimeout } from '@ehcp/config';
import type { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { Counter, Gauge } from 'prom-client';

// Registered once per process (the registry is global); the gauges read whichever queues are open.
const observed = new Map<Queue, Redis>();

export function observeQueue(queue: Queue, redis: Redis): () => void {
  observed.set(queue, redis);
  return () => observed.delete(queue);
}

/** /metrics must answer while Redis does not: a queue gauge then goes missing rather than blocking. */
function answered<T>(query: Promise<T>): Promise<T | undefined> {
  return withTimeout(query, 1_000, 'Redis').catch(() => undefined);
}

const JOB_STATES = ['waiting', 'delayed', 'active', 'failed', 'prioritized'] as const;

new Gauge({
  name: 'ehcp_alert_queue_jobs',
  help: 'Jobs in the notifier queues, by queue and state',
  labelNames: ['queue', 'state'],
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    for (const queue of observed.keys()) {
      const counts = await answered(queue.getJobCounts(...JOB_STATES));
      if (counts === undefined) continue;
      for (const state of JOB_STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
    }
  },
});

new Gauge({
  name: 'ehcp_alert_oldest_overdue_delayed_job_seconds',
  help: 'How long past its time the earliest delayed job still waits (0 when none is late); BullMQ time',
  labelNames: ['queue'],
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    for (const [queue, redis] of observed) {
      const earliest = await answered(redis.zrange(queue.keys.delayed, 0, 0, 'WITHSCORES'));
      if (earliest === undefined) continue;
      const [, score] = earliest;
      // The delayed set's score is BullMQ's due timestamp * 0x1000 (+ a counter), on its own (real) clock.
      const late = score === undefined ? 0 : Date.now() - Math.floor(Number(score) / 0x1000);
      this.set({ queue: queue.name }, Math.max(0, late) / 1000);
    }
  },
});

export const notificationsCreated = new Counter({
  name: 'ehcp_notifications_created_total',
  help: 'Deadline alerts raised (one notification row each), by kind',
  labelNames: ['kind'],
  registers: [metricsRegistry],
});

export const deliveriesFinished = new Counter({
  name: 'ehcp_notification_deliveries_total',
  help: 'Notification deliveries finished, by channel and outcome (sent, or failed after the last retry)',
  labelNames: ['channel', 'outcome'],
  registers: [metricsRegistry],
});

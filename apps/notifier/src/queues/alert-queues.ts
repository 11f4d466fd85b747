import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import {
  ALERT_QUEUE,
  DELIVERY_QUEUE,
  REDIS_CONNECTION,
  SWEEP_QUEUE,
  alertJobId,
  deliveryJobId,
  type AlertJobData,
  type DeliveryJobData,
} from '@ehcp/alerts';
import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { observeQueue } from '../metrics/alert.metrics';
import { NOTIFIER_OPTIONS, type NotifierOptions } from '../notifier.options';
import { closeWithin } from './worker.factory';

export interface ScheduledAlert {
  readonly data: AlertJobData;
  /** Milliseconds from now; 0 fires at once. */
  readonly delay: number;
}

/** The notifier's queues and the one place job options (ids, retries, retention) are decided. */
@Injectable()
export class AlertQueues implements BeforeApplicationShutdown {
  readonly alerts: Queue<AlertJobData>;
  readonly deliveries: Queue<DeliveryJobData>;
  readonly sweeps: Queue;
  private readonly unobserve: (() => void)[];

  constructor(
    @Inject(REDIS_CONNECTION) redis: Redis,
    @Inject(NOTIFIER_OPTIONS) private readonly options: NotifierOptions,
  ) {
    const settings = { connection: redis, prefix: options.queuePrefix };
    this.alerts = new Queue<AlertJobData>(ALERT_QUEUE, settings);
    this.deliveries = new Queue<DeliveryJobData>(DELIVERY_QUEUE, settings);
    this.sweeps = new Queue(SWEEP_QUEUE, settings);
    this.unobserve = [this.alerts, this.deliveries, this.sweeps].map((queue) => observeQueue(queue, redis));
  }

  /**
   * Adds alert jobs under their deterministic ids: one that still exists is left as it is. Finished
   * and failed jobs are removed, so a later relay or sweep can add the same alert again; the
   * notification's unique key, not Redis, is what makes it fire once.
   */
  async addAlerts(alerts: readonly ScheduledAlert[]): Promise<void> {
    if (alerts.length === 0) return;
    await this.alerts.addBulk(
      alerts.map(({ data, delay }) => ({
        name: data.key,
        data,
        opts: {
          jobId: alertJobId(data.deadlineId, data.key, data.dueOn),
          delay,
          attempts: this.options.alertAttempts,
          backoff: { type: 'exponential', delay: this.options.backoffMs },
          removeOnComplete: true,
          removeOnFail: true,
        },
      })),
    );
  }

  /** Removes jobs that are not running; a running one re-reads the deadline and finds nothing to do. */
  async removeAlerts(jobIds: readonly string[]): Promise<void> {
    for (const jobId of jobIds) await this.alerts.remove(jobId);
  }

  async addDeliveries(deliveries: readonly DeliveryJobData[]): Promise<void> {
    if (deliveries.length === 0) return;
    await this.deliveries.addBulk(
      deliveries.map((data) => ({
        name: data.channel,
        data,
        opts: {
          jobId: deliveryJobId(data.notificationId, data.channel),
          attempts: this.options.deliveryAttempts,
          backoff: { type: 'exponential', delay: this.options.backoffMs },
          removeOnComplete: true,
          // The delivery row keeps the outcome; a week of failed jobs helps whoever investigates.
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      })),
    );
  }

  /** The items whose job Redis does not hold (never added, finished, or lost with Redis's data). */
  async withoutJobs<T>(queue: Queue, items: readonly T[], jobIdOf: (item: T) => string): Promise<T[]> {
    const states = await Promise.all(items.map((item) => queue.getJobState(jobIdOf(item))));
    return items.filter((_, index) => states[index] === 'unknown');
  }

  /** After the workers (closed on module destroy), before the shared Redis connection quits. */
  async beforeApplicationShutdown(): Promise<void> {
    this.unobserve.forEach((stop) => stop());
    await Promise.all(
      [this.alerts, this.deliveries, this.sweeps].map((queue) => closeWithin(queue, `${queue.name} queue`)),
    );
  }
}

import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import {
  DELIVERY_QUEUE,
  EmailChannel,
  REDIS_CONNECTION,
  WebhookChannel,
  type DeliveryJobData,
} from '@ehcp/alerts';
import { Clock } from '@ehcp/config';
import type { Job, Worker } from 'bullmq';
import type Redis from 'ioredis';
import { deliveriesFinished } from '../metrics/alert.metrics';
import { NOTIFIER_OPTIONS, type NotifierOptions } from '../notifier.options';
import { closeWithin, startWorker } from '../queues/worker.factory';
import { DeliveryRepository, type PendingDelivery } from './delivery.repository';

/**
 * Sends one channel's delivery of a notification. Each attempt is recorded; a throw makes BullMQ
 * retry with backoff, and the last attempt leaves the delivery 'failed'. Channels are separate jobs,
 * so one failing never holds up another. At least once: a stalled job may send twice, and the
 * notification id in every message lets receivers drop the repeat.
 */
@Injectable()
export class DeliveryProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private worker?: Worker<DeliveryJobData>;

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly webhook: WebhookChannel,
    private readonly email: EmailChannel,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(REDIS_CONNECTION) private readonly redis: Redis,
    @Inject(NOTIFIER_OPTIONS) private readonly options: NotifierOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = startWorker(DELIVERY_QUEUE, (job) => this.process(job), this.redis, this.options);
  }

  async onModuleDestroy(): Promise<void> {
    await closeWithin(this.worker, 'delivery worker');
  }

  async process(job: Job<DeliveryJobData>): Promise<'sent' | 'settled'> {
    const { notificationId, channel } = job.data;
    const delivery = await this.deliveries.find(notificationId, channel);
    if (delivery === null || delivery.status !== 'pending') return 'settled';
    try {
      await this.send(channel, delivery);
    } catch (error) {
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const message = error instanceof Error ? error.message : String(error);
      await this.deliveries.recordFailure(notificationId, channel, message, final, this.clock.now());
      if (final) deliveriesFinished.inc({ channel, outcome: 'failed' });
      throw error;
    }
    await this.deliveries.recordSent(notificationId, channel, this.clock.now());
    deliveriesFinished.inc({ channel, outcome: 'sent' });
    return 'sent';
  }

  private send(channel: DeliveryJobData['channel'], { message, recipients }: PendingDelivery): Promise<void> {
    return channel === 'webhook' ? this.webhook.send(message) : this.email.send(message, recipients ?? []);
  }
}

import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import {
  ALERT_QUEUE,
  REDIS_CONNECTION,
  alertPolicyConfigOf,
  alertScheduleOf,
  type AlertJobData,
} from '@ehcp/alerts';
import { APP_CONFIG, type AppConfig, Clock, londonDate } from '@ehcp/config';
import { isOpenOn } from '@ehcp/domain';
import { DelayedError, type Job, type Worker } from 'bullmq';
import type Redis from 'ioredis';
import { DeadlineReader } from '../deadlines/deadline.reader';
import { notificationsCreated } from '../metrics/alert.metrics';
import { NOTIFIER_OPTIONS, type NotifierOptions } from '../notifier.options';
import { AlertQueues } from '../queues/alert-queues';
import { closeWithin, startWorker } from '../queues/worker.factory';
import { NotificationWriter } from './notification.writer';

export type AlertOutcome =
  'notified' | 'duplicate' | 'gone' | 'moved' | 'closed' | 'changed' | 'not_due' | 'superseded';

/** Fires an alert job: re-reads the deadline, raises the notification once, enqueues its deliveries. */
@Injectable()
export class AlertProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private worker?: Worker<AlertJobData>;

  constructor(
    private readonly deadlines: DeadlineReader,
    private readonly writer: NotificationWriter,
    private readonly queues: AlertQueues,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS_CONNECTION) private readonly redis: Redis,
    @Inject(NOTIFIER_OPTIONS) private readonly options: NotifierOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = startWorker(
      ALERT_QUEUE,
      (job, token) => this.process(job, token),
      this.redis,
      this.options,
    );
  }

  async onModuleDestroy(): Promise<void> {
    await closeWithin(this.worker, 'alert worker');
  }

  async process(job: Job<AlertJobData>, token?: string): Promise<AlertOutcome> {
    const now = this.clock.now();
    const early = new Date(job.data.sendAt ?? job.data.fireAt).getTime() - now.getTime();
    if (early > 0) {
      // The job was scheduled by a host whose clock runs ahead: wait for the alert's time, never send early.
      await job.moveToDelayed(Date.now() + early, token);
      throw new DelayedError();
    }
    // Postgres is the truth: the job only says which alert to check.
    const deadline = await this.deadlines.find(job.data.deadlineId);
    if (deadline === null) return 'gone';
    if (deadline.dueOn !== job.data.dueOn) return 'moved';
    // Met, cancelled, or (2nd ed.) cancelled from today by a pending cessation.
    if (!isOpenOn(deadline, londonDate(now))) return 'closed';
    // The relay's schedule, unless its transaction is still to commit (this job came from it at once).
    const knownSince =
      deadline.scheduledDueOn === deadline.dueOn ? deadline.knownSince : knownSinceOfJob(job.data);
    const due = alertScheduleOf({ ...deadline, knownSince }, now, alertPolicyConfigOf(this.config)).now;
    if (due === null) return 'not_due';
    // A later alert's time has come too (the job ran late): that one speaks for the deadline.
    if (due.key !== job.data.key) return 'superseded';
    const created = await this.writer.create(deadline, due, now);
    if (created === null) return 'duplicate';
    // Met, closed or moved between the read above and the write.
    if (created === 'changed') return 'changed';
    notificationsCreated.inc({ kind: due.kind });
    await this.queues.addDeliveries(
      created.channels.map((channel) => ({ notificationId: created.id, channel })),
    );
    return 'notified';
  }
}

function knownSinceOfJob({ knownSince }: AlertJobData): Date | null {
  return knownSince ? new Date(knownSince) : null;
}

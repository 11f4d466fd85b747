import { Inject, Injectable, Logger } from '@nestjs/common';
import { LocalDate } from '@js-joda/core';
import {
  alertJobData,
  alertJobId,
  deliveryJobId,
  alertPolicyConfigOf,
  alertScheduleOf,
  type Alert,
} from '@ehcp/alerts';
import { APP_CONFIG, type AppConfig, Clock, londonDate } from '@ehcp/config';
import { DataSource } from 'typeorm';
import { DeadlineReader, type DeadlineRow } from '../deadlines/deadline.reader';
import { DeliveryRepository, type DeliveryKey } from '../deliveries/delivery.repository';
import { NOTIFIER_OPTIONS, type NotifierOptions } from '../notifier.options';
import { AlertQueues } from '../queues/alert-queues';

const PAGE = 500;

export interface SweepResult {
  readonly alerts: number;
  readonly deliveries: number;
}

/**
 * Postgres is the truth and Redis only the scheduler: this finds what Redis should have done and
 * did not (its data lost, a crash between a commit and an enqueue) and enqueues it again under the
 * same job ids, so a job that still exists is left alone.
 */
@Injectable()
export class AlertSweeper {
  private readonly logger = new Logger(AlertSweeper.name);

  constructor(
    private readonly db: DataSource,
    private readonly deadlines: DeadlineReader,
    private readonly deliveries: DeliveryRepository,
    private readonly queues: AlertQueues,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(NOTIFIER_OPTIONS) private readonly options: NotifierOptions,
  ) {}

  async sweep(): Promise<SweepResult> {
    const now = this.clock.now();
    const result = { alerts: await this.sweepAlerts(now), deliveries: await this.sweepDeliveries(now) };
    if (result.alerts + result.deliveries > 0)
      this.logger.warn(`restored lost jobs: ${JSON.stringify(result)}`);
    return result;
  }

  /** Open deadlines whose latest due alert has no notification row. */
  private async sweepAlerts(now: Date): Promise<number> {
    const policy = alertPolicyConfigOf(this.config);
    // No alert fires earlier than the largest warning offset before the due date.
    const lastDueOn = LocalDate.parse(londonDate(now))
      .plusDays(Math.max(...policy.warnDays))
      .toString();
    let missing = 0;
    for (let afterId = ''; ;) {
      const page = await this.deadlines.openDueBy(lastDueOn, afterId, PAGE, londonDate(now));
      if (page.length === 0) return missing;
      afterId = page[page.length - 1].id;
      const due = page.flatMap((deadline) => {
        const alert = alertScheduleOf(deadline, now, policy).now;
        return alert ? [{ deadline, alert }] : [];
      });
      const lost = await this.queues.withoutJobs(
        this.queues.alerts,
        (await this.withoutNotification(due)).map(({ deadline, alert }) => alertJobData(deadline, alert)),
        (data) => alertJobId(data.deadlineId, data.key, data.dueOn),
      );
      await this.queues.addAlerts(lost.map((data) => ({ data, delay: 0 })));
      missing += lost.length;
    }
  }

  private async withoutNotification<T extends { deadline: DeadlineRow; alert: Alert }>(
    due: T[],
  ): Promise<T[]> {
    if (due.length === 0) return [];
    const raised: { deadlineId: string; alertKey: string; dueOn: string }[] = await this.db.query(
      `select deadline_id as "deadlineId", alert_key as "alertKey", due_on::text as "dueOn"
         from notification where deadline_id = any($1)`,
      [due.map(({ deadline }) => deadline.id)],
    );
    const keys = new Set(raised.map((n) => `${n.deadlineId} ${n.alertKey} ${n.dueOn}`));
    return due.filter(({ deadline, alert }) => !keys.has(`${deadline.id} ${alert.key} ${alert.dueOn}`));
  }

  /** Deliveries pending for a while whose job is gone; one waiting for a retry still has its job. */
  private async sweepDeliveries(now: Date): Promise<number> {
    const before = new Date(now.getTime() - this.options.pendingDeliveryGraceMs);
    let missing = 0;
    for (let after: DeliveryKey | null = null; ;) {
      const page = await this.deliveries.stalePending(before, after, PAGE);
      if (page.length === 0) return missing;
      after = page[page.length - 1];
      const lost = await this.queues.withoutJobs(this.queues.deliveries, page, (d) =>
        deliveryJobId(d.notificationId, d.channel),
      );
      await this.queues.addDeliveries(lost);
      missing += lost.length;
    }
  }
}

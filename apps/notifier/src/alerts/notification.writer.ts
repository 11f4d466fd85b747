import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EmailChannel, WebhookChannel, type Alert, type DeliveryChannel } from '@ehcp/alerts';
import { APP_CONFIG, type AppConfig, londonDate } from '@ehcp/config';
import { deadlineViewOf, isOpenOnSql } from '@ehcp/read-models';
import { DataSource, type EntityManager } from 'typeorm';
import type { DeadlineRow } from '../deadlines/deadline.reader';
import { RecipientResolver } from '../deadlines/recipient.resolver';

export interface CreatedNotification {
  readonly id: string;
  readonly channels: DeliveryChannel[];
}

/** Raises an alert: its notification row and one pending delivery per configured channel, in one transaction. */
@Injectable()
export class NotificationWriter {
  constructor(
    private readonly db: DataSource,
    private readonly recipients: RecipientResolver,
    private readonly webhook: WebhookChannel,
    private readonly email: EmailChannel,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * null when the alert was raised already: a duplicate, stalled, late or re-relayed job finds the
   * unique key taken and must not enqueue deliveries again. 'changed' when the deadline was met, closed
   * or moved since it was read: no alert for a state the deadline has left.
   */
  async create(
    deadline: DeadlineRow,
    alert: Alert,
    now: Date,
  ): Promise<CreatedNotification | null | 'changed'> {
    const emailTo = this.email.enabled
      ? await this.recipients.recipientsOf(deadline.caseId, deadline.team)
      : [];
    // Evaluated on the London date of the alert; "due soon" spans the largest warning offset (DOMAIN.md).
    const today = londonDate(now);
    const view = deadlineViewOf(deadline, today, Math.max(...this.config.ALERT_WARN_DAYS));
    return this.db.transaction(async (db) => {
      // Checked again under a share lock: the projector cannot change the row until this commits, and
      // a change it committed since the read is seen here. Open on the alert's London date: (2nd ed.)
      // a pending cessation may have cancelled it from today.
      const current: unknown[] = await db.query(
        `select 1 from case_deadline d
          where d.id = $1 and d.due_on = $2 and ${isOpenOnSql('d', '$3')} for share`,
        [deadline.id, deadline.dueOn, today],
      );
      if (current.length === 0) return 'changed';
      const inserted: { id: string }[] = await db.query(
        `insert into notification
           (id, deadline_id, case_id, team, kind, warn_days, alert_key, due_on, fire_at, deadline, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         on conflict on constraint notification_alert_once do nothing
         returning id`,
        [
          randomUUID(),
          deadline.id,
          deadline.caseId,
          deadline.team,
          alert.kind,
          alert.warnDays,
          alert.key,
          alert.dueOn,
          alert.fireAt,
          view,
          now,
        ],
      );
      if (inserted.length === 0) return null;
      const { id } = inserted[0];
      const deliveries: [DeliveryChannel, string[] | null][] = [];
      if (this.webhook.enabled) deliveries.push(['webhook', null]);
      if (this.email.digest) await this.addToDigests(db, id, emailTo);
      else if (emailTo.length > 0) deliveries.push(['email', emailTo]);
      for (const [channel, recipients] of deliveries) {
        await db.query(
          `insert into notification_delivery
             (notification_id, channel, status, attempts, recipients, created_at, updated_at)
           values ($1, $2, 'pending', 0, $3, $4, $4)`,
          [id, channel, recipients, now],
        );
      }
      return { id, channels: deliveries.map(([channel]) => channel) };
    });
  }

  /** In digest mode the e-mail waits, per recipient, for the next daily digest (AlertDigests). */
  private async addToDigests(db: EntityManager, notificationId: string, recipients: string[]): Promise<void> {
    if (recipients.length === 0) return;
    await db.query(
      `insert into alert_digest_item (notification_id, recipient) select $1, unnest($2::text[])`,
      [notificationId, recipients],
    );
  }
}

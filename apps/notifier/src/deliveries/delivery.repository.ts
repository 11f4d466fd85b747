import { Injectable } from '@nestjs/common';
import type { AlertMessage, DeliveryChannel, DeliveryStatus } from '@ehcp/alerts';
import { DataSource } from 'typeorm';

export interface PendingDelivery {
  readonly status: DeliveryStatus;
  readonly recipients: string[] | null;
  readonly message: AlertMessage;
}

export interface DeliveryKey {
  readonly notificationId: string;
  readonly channel: DeliveryChannel;
}

const MAX_ERROR_LENGTH = 1000;

/** notification_delivery rows: what to send, and every attempt's outcome. */
@Injectable()
export class DeliveryRepository {
  constructor(private readonly db: DataSource) {}

  async find(notificationId: string, channel: DeliveryChannel): Promise<PendingDelivery | null> {
    const [row] = await this.db.query(
      `select d.status, d.recipients, n.id, n.kind, n.warn_days as "warnDays", n.case_id as "caseId", n.team, n.deadline
         from notification_delivery d join notification n on n.id = d.notification_id
        where d.notification_id = $1 and d.channel = $2`,
      [notificationId, channel],
    );
    if (row === undefined) return null;
    const { status, recipients, ...message } = row;
    return { status, recipients, message };
  }

  async recordSent(notificationId: string, channel: DeliveryChannel, now: Date): Promise<void> {
    await this.db.query(
      `update notification_delivery
          set status = 'sent', attempts = attempts + 1, sent_at = $3, updated_at = $3
        where notification_id = $1 and channel = $2 and status = 'pending'`,
      [notificationId, channel, now],
    );
  }

  async recordFailure(
    notificationId: string,
    channel: DeliveryChannel,
    error: string,
    final: boolean,
    now: Date,
  ): Promise<void> {
    await this.db.query(
      `update notification_delivery
          set status = $4, attempts = attempts + 1, last_error = $3, updated_at = $5
        where notification_id = $1 and channel = $2 and status = 'pending'`,
      [notificationId, channel, error.slice(0, MAX_ERROR_LENGTH), final ? 'failed' : 'pending', now],
    );
  }

  /** Deliveries untouched since before `before`, a page in key order after `after`: their job may be gone. */
  stalePending(before: Date, after: DeliveryKey | null, limit: number): Promise<DeliveryKey[]> {
    return this.db.query(
      `select notification_id as "notificationId", channel from notification_delivery
        where status = 'pending' and updated_at < $1 and (notification_id, channel) > ($2::uuid, $3)
        order by notification_id, channel limit $4`,
      [before, after?.notificationId ?? '00000000-0000-0000-0000-000000000000', after?.channel ?? '', limit],
    );
  }
}

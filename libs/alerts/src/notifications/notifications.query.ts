import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AlertKind } from '../policy/alert.policy';
import type { DeliveryChannel } from '../queues/delivery-job.contract';
import type { DeliveryStatus } from '../schema/notification-delivery.entity';

export interface NotificationFilter {
  /** The caller's teams, or null for all (admin). */
  readonly teams: readonly string[] | null;
  readonly caseId?: string;
  readonly kind?: AlertKind;
  /** 1-based. */
  readonly page: number;
  readonly pageSize: number;
}

export interface NotificationItem {
  readonly id: string;
  readonly caseId: string;
  /** The deadline's id within its case, as in the case's `deadlines` (e.g. 'final_plan'). */
  readonly deadlineId: string;
  readonly kind: AlertKind;
  readonly dueOn: string;
  readonly createdAt: string;
  readonly deliveries: { channel: DeliveryChannel; status: DeliveryStatus; attempts: number }[];
}

/** The in-app list (GET /notifications): newest first, limited to the caller's teams. */
@Injectable()
export class NotificationsQuery {
  constructor(private readonly db: DataSource) {}

  /** The team of a case (from its summary), or null for a case the read models do not know. */
  async teamOfCase(caseId: string): Promise<string | null> {
    const [row] = await this.db.query<{ team: string }[]>(
      'select team from case_summary where case_id = $1',
      [caseId],
    );
    return row?.team ?? null;
  }

  async list(filter: NotificationFilter): Promise<{ items: NotificationItem[]; total: number }> {
    const where = `($1::text[] is null or n.team = any($1)) and ($2::text is null or n.case_id = $2)
                   and ($3::text is null or n.kind = $3)`;
    const params = [filter.teams, filter.caseId ?? null, filter.kind ?? null];
    const [{ total }] = await this.db.query(
      `select count(*)::int as total from notification n where ${where}`,
      params,
    );
    const rows: (Omit<NotificationItem, 'createdAt'> & { createdAt: Date })[] = await this.db.query(
      `select n.id, n.case_id as "caseId", n.deadline->>'id' as "deadlineId", n.kind, n.due_on::text as "dueOn",
              n.created_at as "createdAt",
              coalesce(json_agg(json_build_object('channel', d.channel, 'status', d.status, 'attempts', d.attempts)
                                order by d.channel) filter (where d.channel is not null), '[]') as deliveries
         from notification n left join notification_delivery d on d.notification_id = n.id
        where ${where}
        group by n.id
        order by n.created_at desc, n.id
        limit $4 offset $5`,
      [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
    );
    return { items: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })), total };
  }
}

import { Injectable } from '@nestjs/common';
import { isOpen, isOpenOn } from '@ehcp/domain';
import {
  deadlineColumns,
  deadlineViewOf,
  type CaseDeadlineEntity,
  type DeadlineView,
} from '@ehcp/read-models';
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
  /** The London date the deadlines' present state is evaluated on (today). */
  readonly asOf: string;
  /** "Due soon" reaches as far as the largest warning offset (DOMAIN.md). */
  readonly warnDays: number;
}

export const DEADLINE_STATES = ['open', 'met', 'cancelled', 'moved', 'gone'] as const;
/**
 * What became of the deadline since the alert: still open on the alerted due date, met, cancelled,
 * moved to another due date, or gone from the case.
 */
export type DeadlineState = (typeof DEADLINE_STATES)[number];

export interface NotificationItem {
  readonly id: string;
  readonly caseId: string;
  /** The deadline's id within its case, as in the case's `deadlines` (e.g. 'final_plan'). */
  readonly deadlineId: string;
  readonly kind: AlertKind;
  readonly dueOn: string;
  readonly createdAt: string;
  readonly deliveries: { channel: DeliveryChannel; status: DeliveryStatus; attempts: number }[];
  readonly deadlineState: DeadlineState;
  /** The deadline as it stands now (on `asOf`), or null once gone. */
  readonly deadline: DeadlineView | null;
}

type NotificationRow = Omit<NotificationItem, 'createdAt' | 'deadlineState' | 'deadline'> & {
  readonly createdAt: Date;
  readonly rowId: string;
};

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
    const rows: NotificationRow[] = await this.db.query(
      `select n.id, n.case_id as "caseId", n.deadline->>'id' as "deadlineId", n.kind, n.due_on::text as "dueOn",
              n.created_at as "createdAt", n.deadline_id as "rowId",
              coalesce(json_agg(json_build_object('channel', d.channel, 'status', d.status, 'attempts', d.attempts)
                                order by d.channel) filter (where d.channel is not null), '[]') as deliveries
         from notification n left join notification_delivery d on d.notification_id = n.id
        where ${where}
        group by n.id
        order by n.created_at desc, n.id
        limit $4 offset $5`,
      [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
    );
    const deadlines = await this.deadlinesOf(rows.map((row) => row.rowId));
    const items = rows.map(({ rowId, ...row }) => {
      const now = deadlines.get(rowId);
      return {
        ...row,
        createdAt: row.createdAt.toISOString(),
        deadlineState: stateOf(row.dueOn, now, filter.asOf),
        deadline: now ? deadlineViewOf(now, filter.asOf, filter.warnDays) : null,
      };
    });
    return { items, total };
  }

  /** The present rows of the alerted deadlines (case_deadline.id -> row). */
  private async deadlinesOf(ids: readonly string[]): Promise<Map<string, CaseDeadlineEntity>> {
    if (ids.length === 0) return new Map();
    const rows: CaseDeadlineEntity[] = await this.db.query(
      `select ${deadlineColumns('d')} from case_deadline d where d.id = any($1)`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }
}

function stateOf(alertedDueOn: string, now: CaseDeadlineEntity | undefined, asOf: string): DeadlineState {
  if (now === undefined) return 'gone';
  if (!isOpen(now)) return now.cancelled ? 'cancelled' : 'met';
  // (2nd ed.) Open by its facts, but cancelled by asOf by a pending cessation (DOMAIN.md "Cessation").
  if (!isOpenOn(now, asOf)) return 'cancelled';
  return now.dueOn === alertedDueOn ? 'open' : 'moved';
}

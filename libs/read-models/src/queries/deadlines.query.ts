import { Injectable } from '@nestjs/common';
import type { DeadlineKind, DeadlineStatus } from '@ehcp/domain';
import { DataSource } from 'typeorm';
import type { CaseDeadlineRow } from '../projections/case-deadline.projection';
import { statusCondition } from './deadline-status.sql';
import { deadlineColumns } from './deadline.view';
import { limitOffset, SqlFilter, type Page } from './sql-filter';

export interface DeadlineFilter extends Page {
  readonly teams: readonly string[] | null;
  readonly status?: DeadlineStatus;
  readonly kind?: DeadlineKind;
  /** The evaluation date of `status`. */
  readonly asOf: string;
  /** Days before the due date a deadline counts as due soon (the largest ALERT_WARN_DAYS). */
  readonly warnDays: number;
}

/**
 * Deadlines across cases by status on `asOf`, in due-date order. Status filters are due-date ranges
 * over the partial indexes of open deadlines (overdue, due soon, on track) or over the full ones.
 */
@Injectable()
export class DeadlinesQuery {
  constructor(private readonly db: DataSource) {}

  async list(filter: DeadlineFilter): Promise<{ items: CaseDeadlineRow[]; total: number }> {
    const where = new SqlFilter().teams('team', filter.teams);
    if (filter.kind !== undefined) where.and(`kind = ${where.param(filter.kind)}`);
    if (filter.status !== undefined)
      where.and(statusCondition(filter.status, (value) => where.param(value), filter.asOf, filter.warnDays));
    const [{ total }] = await this.db.query<{ total: number }[]>(
      `select count(*)::int as total from case_deadline ${where}`,
      where.params,
    );
    const items = await this.db.query<CaseDeadlineRow[]>(
      `select ${deadlineColumns('case_deadline')} from case_deadline ${where}
        order by due_on, id ${limitOffset(where, filter)}`,
      where.params,
    );
    return { items, total };
  }
}

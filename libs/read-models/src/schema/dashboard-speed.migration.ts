import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The manager's dashboard at 600,000 cases (GET /timeliness/dashboard, bench step 7): two covering
 * partial indexes so its statements read index pages only, never the heap of case_deadline.
 * - SEN2's reviews and phase transfers due in a period (Sen2Query): by due date, with what it counts;
 *   the predicate is the query's own `kind in (...)`, so the planner proves the index usable.
 * - Open deadlines overdue or due soon by kind and team (DashboardQuery.dueSoonAndOverdue): by due date
 *   under isOpenSql's predicate, with kind, team and cancels_on, instead of a scan of every deadline.
 * Written out here rather than taken from the code: a shipped migration never changes.
 */
export class DashboardSpeed1798000000000 implements MigrationInterface {
  readonly name = 'DashboardSpeed1798000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create index case_deadline_reviews_transfers_due on case_deadline (due_on)
        include (kind, team, met_on, cancelled_on) where kind in ('annual_review', 'phase_transfer')`);
    await db.query(`
      create index case_deadline_open_due_counts on case_deadline (due_on)
        include (kind, team, cancels_on) where met_on is null and not cancelled`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('drop index case_deadline_open_due_counts, case_deadline_reviews_transfers_due');
  }
}

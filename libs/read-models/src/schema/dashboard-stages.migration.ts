import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The manager's dashboard, "where the weeks go" (GET /timeliness/dashboard): each case learns the day
 * its draft plan was issued (case_summary.draft_issued_on) and each advice deadline the source of its
 * advice (case_deadline.advice_source), so that the medians and advice on time by source are read
 * from the rows over their indexes, not from every case's folded state. Existing rows are filled from
 * the stored folds (case_state), as the projections now fill them; a rebuild recomputes both from the
 * events anyway. Written out here rather than taken from the code: a shipped migration never changes.
 */
export class DashboardStages1797990000000 implements MigrationInterface {
  readonly name = 'DashboardStages1797990000000';

  async up(db: QueryRunner): Promise<void> {
    await this.columns(db);
    // New plans by issue date, covering the stages' columns too (index-only scans), and advice by due
    // date with what "advice on time by source" reads.
    await db.query('drop index case_summary_new_plans, case_summary_team_new_plans');
    await db.query(newPlansIndexes(['assessment_decided_on', 'draft_issued_on']).all);
    await db.query(newPlansIndexes(['assessment_decided_on', 'draft_issued_on']).team);
    await db.query(`
      create index case_deadline_advice_due on case_deadline (due_on)
        include (team, advice_source, met_on, cancelled_on) where kind = 'advice'`);
  }

  private async columns(db: QueryRunner): Promise<void> {
    await db.query('alter table case_summary add column draft_issued_on date');
    await db.query('alter table case_deadline add column advice_source text');
    await db.query(`
      update case_summary s set draft_issued_on = (c.state ->> 'draftIssuedOn')::date
        from case_state c
       where c.case_id = s.case_id and c.state ->> 'draftIssuedOn' is not null`);
    await db.query(`
      update case_deadline d set advice_source = a.source
        from case_state c
        cross join lateral (
          select e ->> 'adviceId' as advice_id, e ->> 'source' as source
            from jsonb_array_elements(coalesce(c.state -> 'advice', '[]'::jsonb)) e) a
       where d.kind = 'advice' and c.case_id = d.case_id and a.advice_id = d.ref`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      'drop index case_deadline_advice_due, case_summary_new_plans, case_summary_team_new_plans',
    );
    await db.query(newPlansIndexes([]).all);
    await db.query(newPlansIndexes([]).team);
    await db.query('alter table case_deadline drop column advice_source');
    await db.query('alter table case_summary drop column draft_issued_on');
  }
}

/** Sen2Complete's covering indexes of new plans, with `extra` columns included. */
function newPlansIndexes(extra: string[]): { all: string; team: string } {
  const covered = ['request_received_on', 'final_plan_exception_applies', 'opened_by_request'];
  const include = [...covered, 'appeal_or_mediation_before_plan', ...extra].join(', ');
  return {
    all: `create index case_summary_new_plans on case_summary (first_final_plan_issued_on)
            include (team, ${include}) where first_final_plan_issued_on is not null`,
    team: `create index case_summary_team_new_plans on case_summary (team, first_final_plan_issued_on)
             include (${include}) where first_final_plan_issued_on is not null`,
  };
}

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
    await db.query('alter table case_deadline drop column advice_source');
    await db.query('alter table case_summary drop column draft_issued_on');
  }
}

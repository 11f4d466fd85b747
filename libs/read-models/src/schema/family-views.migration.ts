import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: the family's private links and the child's views.
 * - family_link: one row per link; the family's page finds its case by the token's hash (unique).
 * - case_views: one row per views record (no summary). SEN2's plans and reviews "with views" are
 *   counted by date from the rows the projection marks (plan_counted_on, review_counted_on), which
 *   the timeliness tally (timeliness-tally.migration.ts) counts as they are written: asking case_views
 *   once per plan or review held took seconds at 600,000 cases. case_id for the projector's per-case
 *   loads.
 * Both start empty: no event that fills them existed before this version. The folds stored so far
 * lack the state's `views` and `familyLinks`; their CASE_STATE_VERSION (2) is older than this code's
 * (3), so the projector re-folds each from its events before the case's next event, and the case
 * query reads a missing list as empty.
 * Written out here rather than taken from the code: a shipped migration never changes.
 */
export class FamilyViews1798100000000 implements MigrationInterface {
  readonly name = 'FamilyViews1798100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table family_link (
        link_id text primary key,
        case_id text not null,
        token_hash text not null constraint family_link_token_hash unique,
        issued_on date not null,
        expires_on date not null,
        revoked_on date
      )`);
    await db.query('create index family_link_case on family_link (case_id)');
    await db.query(`
      create table case_views (
        id text primary key,
        case_id text not null,
        team text not null,
        views_id text not null,
        stage text not null,
        method text not null,
        gathered_on date not null,
        plan_counted_on date,
        review_counted_on date
      )`);
    await db.query('create index case_views_case on case_views (case_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('drop table case_views');
    await db.query('drop table family_link');
  }
}

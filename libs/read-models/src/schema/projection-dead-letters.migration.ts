import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events the projector could not apply (DESIGN.md, Projections: no single event may stop the
 * projector). One row per event, keyed by its case and stream revision, so parking it again is an
 * update. `parked`: the event failed when applied on its own; `blocked`: a later event of a case
 * with a parked one, held back so that no state is built on a skipped event; `resolved`: re-applied
 * by `npm run projections:dead-letters -- retry`. The error is stored redacted (no quoted values):
 * the table is kept through erasures, so it must hold no personal data.
 */
export class ProjectionDeadLetters1796083200000 implements MigrationInterface {
  readonly name = 'ProjectionDeadLetters1796083200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table projection_dead_letter (
        case_id text not null,
        revision bigint not null,
        position text not null,
        event_type text not null,
        status text not null check (status in ('parked', 'blocked', 'resolved')),
        error text,
        attempts integer not null default 1,
        first_failed_at timestamptz not null default now(),
        failed_at timestamptz not null default now(),
        resolved_at timestamptz,
        primary key (case_id, revision)
      )`);
    // Every batch asks which of its cases are held back: only the unresolved rows matter.
    await db.query(
      `create index projection_dead_letter_unresolved on projection_dead_letter (case_id, revision)
         where status <> 'resolved'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('drop table projection_dead_letter');
  }
}

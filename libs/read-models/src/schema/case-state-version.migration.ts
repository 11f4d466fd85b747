import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each case's fold remembers the domain's CASE_STATE_VERSION it was made under. Every state stored so
 * far gets 0, older than any version: the projector re-folds it from the case's events the next time
 * the case changes, instead of folding the new event onto a state of an older shape (which failed and
 * parked the event until a rebuild). The rebuild writes current versions anyway.
 */
export class CaseStateVersion1797811200000 implements MigrationInterface {
  readonly name = 'CaseStateVersion1797811200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('alter table case_state add column state_version integer not null default 0');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('alter table case_state drop column state_version');
  }
}

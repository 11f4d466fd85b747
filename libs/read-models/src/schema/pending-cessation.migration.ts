import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * (2nd ed.) A pending cessation (DOMAIN.md "Cessation"): each open deadline learns the day the
 * cessation cancels it (case_deadline.cancels_on) and each case the day its plan ceases
 * (case_summary.ceases_on). Both are null until a decision to cease is recorded, and no stored fold
 * has one before this release (the commands did not exist), so null is right for every existing row;
 * a rebuild recomputes both from the events anyway. Written out here rather than taken from the
 * code: a shipped migration never changes.
 */
export class PendingCessation1797897600000 implements MigrationInterface {
  readonly name = 'PendingCessation1797897600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('alter table case_deadline add column cancels_on date');
    await db.query('alter table case_summary add column ceases_on date');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('alter table case_summary drop column ceases_on');
    await db.query('alter table case_deadline drop column cancels_on');
  }
}

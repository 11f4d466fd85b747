import type { DataSource } from 'typeorm';
import { useMigrationUnderTest } from '../../../../test/support/migration-under-test';

/** The migration under test. */
const MIGRATION = 'PendingCessation1797897600000';

const columnsOf = (db: DataSource) =>
  db.query<{ column: string }[]>(
    `select table_name || '.' || column_name as column from information_schema.columns
      where table_schema = current_schema()
        and (table_name, column_name) in (('case_deadline', 'cancels_on'), ('case_summary', 'ceases_on'))
      order by 1`,
  );

// (2nd ed.) DOMAIN.md "Cessation": a deadline learns the day a pending cessation cancels it, a case the
// day its plan ceases. Null for every row the previous version wrote (no decision to cease existed).
describe(MIGRATION, () => {
  const migration = useMigrationUnderTest(MIGRATION, 'rm_cessation_migration');

  it('up adds both nullable date columns, down removes them, up again', async () => {
    await migration.up();
    expect(await columnsOf(migration.db)).toEqual([
      { column: 'case_deadline.cancels_on' },
      { column: 'case_summary.ceases_on' },
    ]);

    await migration.down();
    expect(await columnsOf(migration.db)).toEqual([]);

    await migration.up();
    expect(await columnsOf(migration.db)).toHaveLength(2);
  });
});

import type { DataSource } from 'typeorm';
import { useMigrationUnderTest } from '../../../../test/support/migration-under-test';

/** The migration under test. */
const MIGRATION = 'DashboardSpeed1798000000000';
const INDEXES = ['case_deadline_open_due_counts', 'case_deadline_reviews_transfers_due'];

const indexesOf = (db: DataSource) =>
  db.query<{ indexname: string }[]>(
    `select indexname from pg_indexes where schemaname = current_schema() and indexname = any($1) order by 1`,
    [INDEXES],
  );

// The dashboard's covering indexes: up creates them, down removes them, up again.
describe(MIGRATION, () => {
  const migration = useMigrationUnderTest(MIGRATION, 'rm_dashboard_speed_migration');

  it('migrated up to itself; up adds the covering indexes, down drops them', async () => {
    await migration.up();
    expect((await indexesOf(migration.db)).map((row) => row.indexname)).toEqual(INDEXES);

    await migration.down();
    expect(await indexesOf(migration.db)).toEqual([]);

    await migration.up();
    expect(await indexesOf(migration.db)).toHaveLength(2);
  });
});

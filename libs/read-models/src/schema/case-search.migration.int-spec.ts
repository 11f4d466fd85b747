import type { DataSource } from 'typeorm';
import { useMigrationUnderTest } from '../../../../test/support/migration-under-test';

/** The migration under test. */
const MIGRATION = 'CaseSearch1797984000000';

const shapeOf = async (db: DataSource) => ({
  tables: await db.query<{ name: string }[]>(
    `select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_name = 'case_search_token'`,
  ),
  indexes: await db.query<{ name: string }[]>(
    `select indexname as name from pg_indexes
      where schemaname = current_schema()
        and indexname in ('case_search_token_case', 'case_search_token_token',
                          'case_summary_reference_search', 'case_summary_child_date_of_birth')
      order by 1`,
  ),
});

// Issue 16: the hashed name tokens search matches, and the indexes of reference and date-of-birth search.
describe(MIGRATION, () => {
  const migration = useMigrationUnderTest(MIGRATION, 'rm_search_migration');

  it('up (as the last migration run) adds the table and indexes, down removes them, up again', async () => {
    await migration.up();
    const migrated = await shapeOf(migration.db);
    expect(migrated.tables).toHaveLength(1);
    expect(migrated.indexes).toHaveLength(4);

    await migration.down();
    expect(await shapeOf(migration.db)).toEqual({ tables: [], indexes: [] });

    await migration.up();
    expect(await shapeOf(migration.db)).toEqual(migrated);
  });
});

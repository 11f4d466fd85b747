import type { DataSource } from 'typeorm';
import { useMigrationUnderTest } from '../../../../test/support/migration-under-test';

/** The migration under test. */
const MIGRATION = 'FamilyViews1798100000000';

const shapeOf = async (db: DataSource) => ({
  tables: await db.query<{ name: string }[]>(
    `select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_name in ('family_link', 'case_views') order by 1`,
  ),
  indexes: await db.query<{ name: string }[]>(
    `select indexname as name from pg_indexes
      where schemaname = current_schema() and tablename in ('family_link', 'case_views') order by 1`,
  ),
});

// Issue 17: the family links (found by their token's hash) and the child's views (counted by SEN2).
describe(MIGRATION, () => {
  const migration = useMigrationUnderTest(MIGRATION, 'rm_family_views_migration');

  it('up (as the last migration run) adds both tables and their indexes, down removes them, up again', async () => {
    await migration.up();
    const migrated = await shapeOf(migration.db);
    expect(migrated).toEqual({
      tables: [{ name: 'case_views' }, { name: 'family_link' }],
      indexes: [
        { name: 'case_views_case' },
        { name: 'case_views_pkey' },
        { name: 'family_link_case' },
        { name: 'family_link_pkey' },
        { name: 'family_link_token_hash' },
      ],
    });

    await migration.down();
    expect(await shapeOf(migration.db)).toEqual({ tables: [], indexes: [] });

    await migration.up();
    expect(await shapeOf(migration.db)).toEqual(migrated);
  });

  it('one token hash opens one link only', async () => {
    const insert = (linkId: string) =>
      migration.db.query(
        `insert into family_link (link_id, case_id, token_hash, issued_on, expires_on)
         values ($1, 'case-1', 'same-hash', '2026-01-05', '2026-04-05')`,
        [linkId],
      );
    await insert('link-1');
    await expect(insert('link-2')).rejects.toThrow(/family_link_token_hash/);
  });
});

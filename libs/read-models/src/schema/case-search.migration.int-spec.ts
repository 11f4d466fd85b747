import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { readModelsDataSourceOptions } from '../database/read-models.data-source';

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
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('rm_search_migration');
    // The read models as this migration left them: the later ones are not its business.
    const options = readModelsDataSourceOptions(database.url);
    const migrations = options.migrations as { name: string }[];
    const upTo = migrations.slice(0, migrations.findIndex((migration) => migration.name === MIGRATION) + 1);
    db = await new DataSource({ ...options, migrations: upTo as [] }).initialize();
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('up (as the last migration run) adds the table and indexes, down removes them, up again', async () => {
    await db.runMigrations({ transaction: 'each' });
    const [last] = await db.query<{ name: string }[]>(
      'select name from typeorm_migrations order by id desc limit 1',
    );
    expect(last.name).toBe(MIGRATION);
    const migrated = await shapeOf(db);
    expect(migrated.tables).toHaveLength(1);
    expect(migrated.indexes).toHaveLength(4);

    await db.undoLastMigration({ transaction: 'each' });
    expect(await shapeOf(db)).toEqual({ tables: [], indexes: [] });

    await db.runMigrations({ transaction: 'each' });
    expect(await shapeOf(db)).toEqual(migrated);
  });
});

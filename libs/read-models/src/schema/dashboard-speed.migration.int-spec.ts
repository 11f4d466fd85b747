import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { readModelsDataSourceOptions } from '../database/read-models.data-source';

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
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('rm_dashboard_speed_migration');
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

  it('migrated up to itself; up adds the covering indexes, down drops them', async () => {
    await db.runMigrations({ transaction: 'each' });
    const [last] = await db.query<{ name: string }[]>(
      'select name from typeorm_migrations order by id desc limit 1',
    );
    expect(last.name).toBe(MIGRATION);
    expect((await indexesOf(db)).map((row) => row.indexname)).toEqual(INDEXES);

    await db.undoLastMigration({ transaction: 'each' });
    expect(await indexesOf(db)).toEqual([]);

    await db.runMigrations({ transaction: 'each' });
    expect(await indexesOf(db)).toHaveLength(2);
  });
});

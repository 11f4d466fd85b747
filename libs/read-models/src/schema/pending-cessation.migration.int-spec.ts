import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { readModelsDataSourceOptions } from '../database/read-models.data-source';

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
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('rm_cessation_migration');
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

  const lastMigration = async () =>
    (await db.query<{ name: string }[]>('select name from typeorm_migrations order by id desc limit 1'))[0]
      .name;

  it('up adds both nullable date columns, down removes them, up again', async () => {
    await db.runMigrations({ transaction: 'each' });
    // Back to this migration: the later ones undone first.
    while ((await lastMigration()) !== MIGRATION) await db.undoLastMigration({ transaction: 'each' });
    expect(await columnsOf(db)).toEqual([
      { column: 'case_deadline.cancels_on' },
      { column: 'case_summary.ceases_on' },
    ]);

    await db.undoLastMigration({ transaction: 'each' });
    expect(await columnsOf(db)).toEqual([]);

    await db.runMigrations({ transaction: 'each' });
    expect(await columnsOf(db)).toHaveLength(2);
  });
});

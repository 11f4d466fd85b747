import { DataSource, type DataSourceOptions } from 'typeorm';
import { readModelsDataSourceOptions } from '../../libs/read-models/src/database/read-models.data-source';
import { createTestDatabase, type TestDatabase } from './test-database';

/** The read models' data source options on `url`, with the migrations cut around `migration`. */
export function migrationsAround(
  url: string,
  migration: string,
): { before: DataSourceOptions; upToItself: DataSourceOptions } {
  const options = readModelsDataSourceOptions(url);
  const migrations = options.migrations as { name: string }[];
  const index = migrations.findIndex((one) => one.name === migration);
  if (index < 0) throw new Error(`no read-model migration is named ${migration}`);
  return {
    before: { ...options, migrations: migrations.slice(0, index) as [] },
    upToItself: { ...options, migrations: migrations.slice(0, index + 1) as [] },
  };
}

export interface MigrationUnderTest {
  /** The read models' data source whose last migration is the one under test (set in beforeAll). */
  readonly db: DataSource;
  /** Runs what is pending, and checks that the migration under test was the last one run. */
  up(): Promise<void>;
  /** Undoes the last migration run: the one under test, once up() has run. */
  down(): Promise<void>;
}

/**
 * A fresh database for one migration's spec: the read models as that migration left them (the later
 * ones are not its business). `previous` writes rows as the version before it did, into the database
 * migrated up to just before it. Registers its own beforeAll and afterAll.
 */
export function useMigrationUnderTest(
  migration: string,
  databasePrefix: string,
  previous?: (db: DataSource) => Promise<void>,
): MigrationUnderTest {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase(databasePrefix);
    const { before, upToItself } = migrationsAround(database.url, migration);
    if (previous) {
      const earlier = await new DataSource(before).initialize();
      try {
        await earlier.runMigrations({ transaction: 'each' });
        await previous(earlier);
      } finally {
        await earlier.destroy();
      }
    }
    db = await new DataSource(upToItself).initialize();
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  return {
    get db() {
      return db;
    },
    async up() {
      await db.runMigrations({ transaction: 'each' });
      const [last] = await db.query<{ name: string }[]>(
        'select name from typeorm_migrations order by id desc limit 1',
      );
      expect(last.name).toBe(migration);
    },
    async down() {
      await db.undoLastMigration({ transaction: 'each' });
    },
  };
}

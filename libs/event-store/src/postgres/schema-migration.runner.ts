import type { Pool } from 'pg';
import { inTransaction } from './postgres-transaction';

export interface SchemaMigration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

/** One key for every component: starters serialise on it, so concurrent start-ups are safe. */
const MIGRATION_LOCK_KEY = 'ehcp.event-store.migrations';

/**
 * Applies the component's pending migrations in one transaction under an advisory lock. A starter that
 * waited on the lock finds the versions already recorded and applies nothing.
 */
export async function runSchemaMigrations(
  pool: Pool,
  component: string,
  migrations: readonly SchemaMigration[],
): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [MIGRATION_LOCK_KEY]);
    await client.query(`create table if not exists es_schema_migrations (
      component text not null,
      version integer not null,
      description text not null,
      applied_at timestamptz not null default now(),
      primary key (component, version)
    )`);
    const { rows } = await client.query<{ version: number }>(
      'select version from es_schema_migrations where component = $1',
      [component],
    );
    const applied = new Set(rows.map((row) => row.version));
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query(
        'insert into es_schema_migrations (component, version, description) values ($1, $2, $3)',
        [component, migration.version, migration.description],
      );
    }
  });
}

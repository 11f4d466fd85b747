import type { DataSource } from 'typeorm';

/** Any fixed 64-bit number: the lock every process takes while migrating the read-model database. */
const MIGRATION_LOCK = 727_145_001;

/**
 * Runs pending migrations while holding a session advisory lock, so api, projector and notifier
 * starting together migrate once and in order; the others wait, then find nothing to do.
 */
export async function migrateUnderLock(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

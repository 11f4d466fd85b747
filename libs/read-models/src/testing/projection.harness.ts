import { randomUUID } from 'node:crypto';
import type { DeadlineCounting, EhcpCaseEvent } from '@ehcp/domain';
import { PostgresEventStore, type AppendResult } from '@ehcp/event-store';
import type { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { migrateUnderLock } from '../database/migrate';
import { readModelsDataSourceOptions } from '../database/read-models.data-source';
import { PROJECTED_TABLES } from '../projections/projections';
import { BatchApplier, CASE_STREAM_PREFIX } from '../runner/batch.applier';
import { catchUp } from '../runner/catch-up';
import { readCheckpoint } from '../runner/checkpoint.store';
import { connectSqlClient, LIVE_SCHEMA } from '../runner/sql-client';

/**
 * A throwaway database with the read models migrated, the PostgreSQL event store and a writer
 * connection: append events, project them, look at the rows.
 */
export class ProjectionHarness {
  private constructor(
    readonly database: TestDatabase,
    readonly dataSource: DataSource,
    readonly store: PostgresEventStore,
    readonly db: Client,
    readonly applier: BatchApplier,
  ) {}

  static async start(prefix: string, counting: DeadlineCounting = 'legal'): Promise<ProjectionHarness> {
    const database = await createTestDatabase(prefix);
    const dataSource = await new DataSource(readModelsDataSourceOptions(database.url)).initialize();
    await migrateUnderLock(dataSource);
    const store = await PostgresEventStore.create({ connectionString: database.url });
    const db = await connectSqlClient(database.url, () => undefined);
    return new ProjectionHarness(database, dataSource, store, db, new BatchApplier(counting));
  }

  append(caseId: string, events: readonly EhcpCaseEvent[]): Promise<AppendResult> {
    return this.store.appendToStream(
      `${CASE_STREAM_PREFIX}${caseId}`,
      events.map((event) => ({ id: randomUUID(), type: event.type, data: { ...event.data }, metadata: {} })),
      { expectedRevision: 'any' },
    );
  }

  /** Applies every event not yet projected to the live read models (alert outbox included). */
  async project(batchSize = 500): Promise<number> {
    const from = await readCheckpoint(this.db, LIVE_SCHEMA);
    const { events } = await catchUp(
      this.db,
      this.store,
      this.applier,
      { schema: LIVE_SCHEMA, emitAlerts: true },
      from,
      batchSize,
    );
    return events;
  }

  query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.dataSource.query<T[]>(sql, params);
  }

  /** Every row of every projected table, in key order: for comparing two builds of the read models. */
  async snapshot(): Promise<Record<string, unknown[]>> {
    const snapshot: Record<string, unknown[]> = {};
    for (const table of PROJECTED_TABLES)
      snapshot[table.name] = await this.query(`select * from ${table.name} order by 1`);
    return snapshot;
  }

  async close(): Promise<void> {
    await this.db.end();
    await this.store.close();
    await this.dataSource.destroy();
    await this.database.drop();
  }
}

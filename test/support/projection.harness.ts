import { caseStreamOf, type DeadlineCounting, type EhcpCaseEvent } from '@ehcp/domain';
import { PostgresEventStore, type AppendResult } from '@ehcp/event-store';
import type { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrateUnderLock, PROJECTED_TABLES, readModelsDataSourceOptions } from '@ehcp/read-models';
import { BatchApplier } from '../../apps/projector/src/engine/batch.applier';
import { catchUp } from '../../apps/projector/src/engine/catch-up';
import { readCheckpoint } from '../../apps/projector/src/engine/checkpoint.store';
import { connectSqlClient, LIVE_SCHEMA } from '../../apps/projector/src/engine/sql-client';
import { newEventsOf } from '../../libs/read-models/src/testing/new-events';
import { syntheticCase } from '../../libs/read-models/src/testing/synthetic-caseload';
import { createTestDatabase, type TestDatabase } from './test-database';

const PROJECT_TIMEOUT_MS = 20_000;

/**
 * A throwaway database with the read models migrated, the PostgreSQL event store and a writer
 * connection: append events, project them with the projector's engine, look at the rows. Here, beside
 * the other test support, because the read models' own tests (projections, queries) and the notifier's
 * need the projector to fill the tables, and no lib or app may import another app.
 */
export class ProjectionHarness {
  /** The position of the last append: what project() must reach. */
  private appended: string | null = null;

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
    return new ProjectionHarness(database, dataSource, store, db, new BatchApplier(counting, store));
  }

  async append(caseId: string, events: readonly EhcpCaseEvent[]): Promise<AppendResult> {
    const result = await this.store.appendToStream(caseStreamOf(caseId), newEventsOf(events), {
      expectedRevision: 'any',
    });
    if (this.appended === null || !this.store.isAtOrAfter(this.appended, result.position))
      this.appended = result.position;
    return result;
  }

  /** The synthetic caseload's lifecycles, one per case in turn: each column type gets values, nulls too. */
  async appendSyntheticCases(caseIds: readonly string[]): Promise<void> {
    for (const [index, caseId] of caseIds.entries()) await this.append(caseId, syntheticCase(caseId, index));
  }

  /**
   * Applies every event appended so far to the live read models (alert outbox included). The store's
   * log shows an event only once every older transaction of the PostgreSQL cluster has ended, any
   * database's (a concurrent test, a benchmark): catch up until the last append is in.
   */
  async project(batchSize = 500): Promise<number> {
    const deadline = Date.now() + PROJECT_TIMEOUT_MS;
    let projected = 0;
    for (;;) {
      const from = await readCheckpoint(this.db, LIVE_SCHEMA);
      if (this.appended === null || (from !== null && this.store.isAtOrAfter(from, this.appended)))
        return projected;
      if (Date.now() > deadline) throw new Error(`the log did not show ${this.appended} in time`);
      const { events } = await catchUp(
        this.db,
        this.store,
        this.applier,
        { schema: LIVE_SCHEMA, emitAlerts: true },
        from,
        batchSize,
      );
      projected += events;
      if (events === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
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

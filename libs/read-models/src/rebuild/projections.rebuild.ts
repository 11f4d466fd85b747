import { Logger } from '@nestjs/common';
import type { EventStore } from '@ehcp/event-store';
import type { BatchApplier, ProjectionTarget } from '../runner/batch.applier';
import { catchUp, readBatch } from '../runner/catch-up';
import { lockCheckpoint, saveCheckpoint } from '../runner/checkpoint.store';
import { inTransaction, LIVE_SCHEMA, type SqlClient } from '../runner/sql-client';
import { createShadowIndexes, createShadowTables, SHADOW_SCHEMA, swapInShadowTables } from './shadow-tables';
import { writeSwapAlerts } from './swap-alerts';

/** One rebuild at a time (the projector's leadership lock is another number). */
const REBUILD_LOCK = 727_145_004;
const SHADOW: ProjectionTarget = { schema: SHADOW_SCHEMA, emitAlerts: false };

export interface RebuildOptions {
  readonly batchSize?: number;
}

export interface RebuildResult {
  readonly events: number;
  /** Outbox rows the swap wrote for deadlines that differ from the live ones. */
  readonly alerts: number;
  readonly checkpoint: string | null;
}

/**
 * `npm run projections:rebuild`: replays the whole log into fresh shadow tables while the live ones
 * keep answering, then swaps them in with one transaction. That transaction holds the live
 * checkpoint (the projector's next batch waits), applies the events that arrived meanwhile, writes
 * outbox rows only for deadlines that differ from the live ones, replaces the tables and moves the
 * checkpoint; the projector then finds its checkpoint moved and resumes from the new one. The replay
 * writes no outbox rows, so nothing is ever alerted twice.
 */
export async function rebuildProjections(
  db: SqlClient,
  store: EventStore,
  applier: BatchApplier,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const logger = new Logger('ProjectionsRebuild');
  const batchSize = options.batchSize ?? 500;
  const { rows } = await db.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [
    REBUILD_LOCK,
  ]);
  if (!rows[0].locked) throw new Error('another projections rebuild is running');
  try {
    await createShadowTables(db);
    logger.log('rebuild: replaying the event log into shadow tables');
    const replay = await catchUp(db, store, applier, SHADOW, null, batchSize);
    await createShadowIndexes(db);
    const swapped = await inTransaction(db, async () => {
      await lockCheckpoint(db, LIVE_SCHEMA);
      let position = replay.checkpoint;
      let late = 0;
      for (;;) {
        const batch = await readBatch(store, position, batchSize);
        if (batch.length === 0) break;
        await applier.apply(db, SHADOW, batch);
        position = batch[batch.length - 1].position;
        late += batch.length;
      }
      const alerts = await writeSwapAlerts(db);
      await swapInShadowTables(db);
      if (position !== null) await saveCheckpoint(db, LIVE_SCHEMA, position);
      return { alerts, late, position };
    });
    const events = replay.events + swapped.late;
    logger.log(
      `rebuild: ${events} events replayed and swapped in; ${swapped.alerts} deadline changes sent to the outbox`,
    );
    return { events, alerts: swapped.alerts, checkpoint: swapped.position };
  } finally {
    await db.query('select pg_advisory_unlock($1)', [REBUILD_LOCK]).catch(() => undefined);
  }
}

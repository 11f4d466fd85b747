import { Logger } from '@nestjs/common';
import type { EventStore } from '@ehcp/event-store';
import { caseOfEvent, type BatchApplier, type ProjectionTarget } from '../engine/batch.applier';
import { catchUp, readBatch } from '../engine/catch-up';
import { lockCheckpoint, readCheckpoint, saveCheckpoint } from '../engine/checkpoint.store';
import { reportParked } from '../engine/dead-letter.report';
import { applyOrIsolate } from '../engine/event-isolation';
import { inTransaction, LIVE_SCHEMA, type SqlClient } from '../engine/sql-client';
import {
  compressQuickly,
  createShadowIndexes,
  createShadowTables,
  SHADOW_SCHEMA,
  swapInShadowTables,
} from './shadow-tables';
import { replayIntoShadow } from './shadow.replay';
import { SwapAlerts } from './swap-alerts';

/** One rebuild at a time (the projector's leadership lock is another number). */
const REBUILD_LOCK = 727_145_004;
const SHADOW: ProjectionTarget = { schema: SHADOW_SCHEMA, emitAlerts: false };

export interface RebuildOptions {
  readonly batchSize?: number;
  /** Cases the first pass keeps in memory with their rows (see replayIntoShadow). */
  readonly workingSetCases?: number;
  /**
   * A second connection, the rebuild's alone, that the first pass writes its flushes on while it
   * folds on (see replayIntoShadow), and the deadlines are then compared on while the first builds
   * the indexes; its session compresses with lz4 (compressQuickly).
   */
  readonly flushDb?: SqlClient;
}

export interface RebuildResult {
  readonly events: number;
  /** Outbox rows the swap wrote for deadlines that differ from the live ones. */
  readonly alerts: number;
  readonly checkpoint: string | null;
  /** Events in the rebuilt dead-letter table: they fail on their own, or wait behind one that does. */
  readonly parked: number;
}

/**
 * `npm run projections:rebuild`: replays the whole log into fresh shadow tables while the live ones
 * keep answering, then swaps them in with one transaction. That transaction holds the live
 * checkpoint (the projector's next batch waits), applies the events that arrived meanwhile, writes
 * outbox rows only for deadlines that differ from the live ones, replaces the tables and moves the
 * checkpoint; the projector then finds its checkpoint moved and resumes from the new one. The replay
 * writes no outbox rows, so nothing is ever alerted twice. Everything that can be done before the
 * swap is, so that the projector waits as little as possible: the secondary indexes, a second catch-up
 * and the comparison of the deadlines (SwapAlerts). A poisoned event does not stop it either: it is
 * parked in the shadow's own dead-letter table, which is swapped in with the rest: the dead letters
 * are re-derived by the code that rebuilt (an event fixed since is applied; the history of resolved
 * ones goes).
 */
export async function rebuildProjections(
  db: SqlClient,
  store: EventStore,
  applier: BatchApplier,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const logger = new Logger('ProjectionsRebuild');
  const batchSize = options.batchSize ?? 500;
  const { flushDb } = options;
  const { rows } = await db.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [
    REBUILD_LOCK,
  ]);
  if (!rows[0].locked) throw new Error('another projections rebuild is running');
  try {
    await createShadowTables(db);
    if (flushDb) await compressQuickly(flushDb);
    logger.log('rebuild: replaying the event log into shadow tables');
    const replay = await replayIntoShadow(db, store, applier, SHADOW_SCHEMA, {
      batchSize,
      workingSetCases: options.workingSetCases ?? 10_000,
      flushDb,
    });
    // Only when a flush was refused: batch by batch from there, to park the event at fault.
    const rest = replay.complete
      ? { checkpoint: replay.checkpoint, events: 0, parked: 0 }
      : await catchUp(db, store, applier, SHADOW, replay.checkpoint, batchSize);
    // Read first: the staged comparison sees the live rows at this checkpoint or later.
    const liveFrom = await readCheckpoint(db, LIVE_SCHEMA);
    // The deadlines are compared on the second connection (a read-only transaction: it holds back
    // neither the index builds nor the catch-up) while the first starts on the indexes, whose builds
    // the second then shares; with one connection, after the catch-up.
    const staging = flushDb ? SwapAlerts.stage(flushDb) : undefined;
    // Awaited below; until then its failure must not count as unhandled.
    staging?.catch(() => undefined);
    await createShadowIndexes(staging && flushDb ? [db, staging.then(() => flushDb)] : [db]);
    // The index builds take a while at scale: what arrived meanwhile need not wait for the swap.
    const caughtUp = await catchUp(db, store, applier, SHADOW, rest.checkpoint, batchSize);
    const alerts = await (staging ?? SwapAlerts.stage(db));
    // The comparison saw the shadow rows at `rest.checkpoint` or later: the cases caught up since may
    // have moved.
    const caughtUpCases = await casesBetween(store, rest.checkpoint, caughtUp.checkpoint, batchSize);
    const started = Date.now();
    const swapped = await inTransaction(db, async () => {
      const liveTo = await lockCheckpoint(db, LIVE_SCHEMA);
      const late = await applyLateEvents(db, store, applier, caughtUp.checkpoint, batchSize);
      // Only the cases of events applied since staging, here, by the catch-up or by the projector,
      // can have moved.
      const projected = await casesBetween(store, liveFrom, liveTo, batchSize);
      await alerts.restage(db, new Set([...late.caseIds, ...caughtUpCases, ...projected]));
      const written = await alerts.write(db);
      await swapInShadowTables(db);
      if (late.position !== null) await saveCheckpoint(db, LIVE_SCHEMA, late.position);
      return { alerts: written, late: late.events, parked: late.parked, position: late.position };
    });
    const events = replay.events + rest.events + caughtUp.events + swapped.late;
    const parked = replay.parked + rest.parked + caughtUp.parked + swapped.parked;
    logger.log(
      `rebuild: ${events} events replayed and swapped in (${parked} parked as dead letters); ` +
        `${swapped.alerts} deadline changes sent to the outbox; ` +
        `the swap held the live checkpoint for ${Date.now() - started} ms`,
    );
    return { events, alerts: swapped.alerts, checkpoint: swapped.position, parked };
  } finally {
    await db.query('select pg_advisory_unlock($1)', [REBUILD_LOCK]).catch(() => undefined);
  }
}

/** In the swap's transaction: applies to the shadow tables what arrived after `from`. */
async function applyLateEvents(
  db: SqlClient,
  store: EventStore,
  applier: BatchApplier,
  from: string | null,
  batchSize: number,
): Promise<{ position: string | null; events: number; parked: number; caseIds: Set<string> }> {
  let position = from;
  let events = 0;
  let parked = 0;
  const caseIds = new Set<string>();
  for (;;) {
    const batch = await readBatch(store, position, batchSize);
    if (batch.length === 0) return { position, events, parked, caseIds };
    const result = await applyOrIsolate(applier, db, SHADOW, batch);
    reportParked(new Logger('ProjectionsRebuild'), result.parked);
    parked += result.parked.length;
    for (const event of batch) caseIds.add(caseOfEvent(event));
    position = batch[batch.length - 1].position;
    events += batch.length;
  }
}

/**
 * The cases of the events after `from` up to `to` (null: none yet): what the projector applied to the
 * live tables between two reads of its checkpoint. Reads on to the end of the log if `to` never comes.
 */
async function casesBetween(
  store: EventStore,
  from: string | null,
  to: string | null,
  batchSize: number,
): Promise<Set<string>> {
  const caseIds = new Set<string>();
  let position = from;
  while (to !== null && position !== to) {
    const batch = await readBatch(store, position, batchSize);
    if (batch.length === 0) break;
    for (const event of batch) {
      caseIds.add(caseOfEvent(event));
      if (store.isAtOrAfter(event.position, to)) return caseIds;
    }
    position = batch[batch.length - 1].position;
  }
  return caseIds;
}

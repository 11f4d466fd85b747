import { Logger } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '@ehcp/event-store';
import { CASE_STREAMS, type BatchApplier, type ProjectionTarget } from './batch.applier';
import { CheckpointMoved } from './checkpoint.store';
import { reportParked } from './dead-letter.report';
import type { SqlClient } from './sql-client';

/** The next `maxCount` case events after `from` (exclusive; null: from the start). */
export async function readBatch(
  store: EventStore,
  from: string | null,
  maxCount: number,
): Promise<RecordedEvent[]> {
  const batch: RecordedEvent[] = [];
  for await (const event of store.readAll({ from: from ?? undefined, filter: CASE_STREAMS, maxCount }))
    batch.push(event);
  return batch;
}

/**
 * Applies everything after `from` to `target`, one committed batch at a time, and returns the new
 * checkpoint, how many events were read and how many were parked. A batch that fails is applied
 * again event by event at once (a rebuild is run by hand: a transient failure fails it, and it is
 * run again), parking the events that fail on their own. For a rebuild's replay; the live runner
 * subscribes instead.
 */
export async function catchUp(
  db: SqlClient,
  store: EventStore,
  applier: BatchApplier,
  target: ProjectionTarget,
  from: string | null,
  batchSize: number,
): Promise<{ checkpoint: string | null; events: number; parked: number }> {
  let checkpoint = from;
  let events = 0;
  let parked = 0;
  const logger = new Logger('ProjectionCatchUp');
  for (;;) {
    const batch = await readBatch(store, checkpoint, batchSize);
    if (batch.length === 0) return { checkpoint, events, parked };
    const committed = await applier.commit(db, target, batch, checkpoint).catch((error: unknown) => {
      if (error instanceof CheckpointMoved) throw error;
      return applier.commit(db, target, batch, checkpoint, 'isolate');
    });
    checkpoint = committed.checkpoint;
    events += batch.length;
    parked += committed.result.parked.length;
    reportParked(logger, committed.result.parked);
  }
}

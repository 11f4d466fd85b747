import type { EventStore, RecordedEvent } from '@ehcp/event-store';
import { CASE_STREAMS, type BatchApplier, type ProjectionTarget } from './batch.applier';
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
 * checkpoint and how many events were read. For a rebuild's replay; the live runner subscribes instead.
 */
export async function catchUp(
  db: SqlClient,
  store: EventStore,
  applier: BatchApplier,
  target: ProjectionTarget,
  from: string | null,
  batchSize: number,
): Promise<{ checkpoint: string | null; events: number }> {
  let checkpoint = from;
  let events = 0;
  for (;;) {
    const batch = await readBatch(store, checkpoint, batchSize);
    if (batch.length === 0) return { checkpoint, events };
    ({ checkpoint } = await applier.commit(db, target, batch, checkpoint));
    events += batch.length;
  }
}

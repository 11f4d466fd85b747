import { caseStreamOf } from '@ehcp/domain';
import type { EventStore, RecordedEvent } from '@ehcp/event-store';
import { type BatchApplier, type ProjectionTarget } from '../engine/batch.applier';
import { lockCheckpoint } from '../engine/checkpoint.store';
import { resolveEvents, unresolvedDeadLetters, type DeadLetter } from '../engine/dead-letter.store';
import { applyIsolated } from '../engine/event-isolation';
import { inTransaction, LIVE_SCHEMA, type SqlClient } from '../engine/sql-client';

const LIVE: ProjectionTarget = { schema: LIVE_SCHEMA, emitAlerts: true };

export interface RetryOutcome {
  readonly caseId: string;
  /** Events re-applied and marked resolved. */
  readonly resolved: number;
  /** The event that still fails (parked again with its new error), if any; the rest wait behind it. */
  readonly stillParked: DeadLetter | null;
  readonly stillBlocked: number;
}

/**
 * `npm run projections:dead-letters -- retry [--case <id>]`: re-applies each case's parked and
 * blocked events, in revision order, through the same applier and isolation as the live runner.
 * One transaction per case, holding the live checkpoint row: the projector's next batch (and a
 * rebuild's swap) waits for it, so the case's later events, applied by the projector once the case
 * is unblocked, come after. Safe beside a running projector; nothing is re-alerted that was sent.
 */
export async function retryDeadLetters(
  db: SqlClient,
  store: EventStore,
  applier: BatchApplier,
  caseId?: string,
): Promise<RetryOutcome[]> {
  const cases = [...new Set((await unresolvedDeadLetters(db, LIVE_SCHEMA, caseId)).map((row) => row.caseId))];
  const outcomes: RetryOutcome[] = [];
  for (const id of cases) outcomes.push(await retryCase(db, store, applier, id));
  return outcomes;
}

async function retryCase(
  db: SqlClient,
  store: EventStore,
  applier: BatchApplier,
  caseId: string,
): Promise<RetryOutcome> {
  return inTransaction(db, async () => {
    await lockCheckpoint(db, LIVE_SCHEMA);
    // Read again under the lock: the projector or another retry may have moved them meanwhile.
    const letters = await unresolvedDeadLetters(db, LIVE_SCHEMA, caseId);
    const events = await eventsOf(store, caseId, new Set(letters.map((letter) => letter.revision)));
    const result = await applyIsolated(applier, db, LIVE, events, new Set());
    const parked = new Set(result.parked.map((letter) => letter.revision));
    await resolveEvents(
      db,
      LIVE_SCHEMA,
      caseId,
      letters.map((letter) => letter.revision).filter((revision) => !parked.has(revision)),
    );
    return {
      caseId,
      resolved: letters.length - parked.size,
      stillParked: result.parked.find((letter) => letter.status === 'parked') ?? null,
      stillBlocked: result.parked.filter((letter) => letter.status === 'blocked').length,
    };
  });
}

/** The case's events at these revisions, in revision order. */
async function eventsOf(store: EventStore, caseId: string, revisions: Set<number>): Promise<RecordedEvent[]> {
  if (revisions.size === 0) return [];
  const events: RecordedEvent[] = [];
  const fromRevision = BigInt(Math.min(...revisions));
  for await (const event of store.readStream(caseStreamOf(caseId), { fromRevision })) {
    if (revisions.has(Number(event.revision))) events.push(event);
    if (events.length === revisions.size) return events;
  }
  throw new Error(`case ${caseId}: ${revisions.size - events.length} parked events are not in the store`);
}

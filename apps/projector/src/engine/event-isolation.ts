import type { RecordedEvent } from '@ehcp/event-store';
import {
  caseOfEvent,
  deadLetterOf,
  type AppliedCounts,
  type BatchApplier,
  type BatchResult,
  type ProjectionTarget,
} from './batch.applier';
import { blockedCases, parkEvents, type DeadLetter } from './dead-letter.store';
import { describeFailure, isEventFailure } from './event-failure';
import type { SqlClient } from './sql-client';

/** Tries of one event on its own before it is parked: a failure must repeat to be the event's. */
const TRIES_ALONE = 2;

/**
 * In the caller's transaction: applies `events` one at a time, each in a savepoint. An event that
 * fails twice on its own with an event failure (isEventFailure) on a connection that still works (the
 * rollback to its savepoint succeeds) is parked with its error, and the case's later events are
 * parked behind it; every other event is applied. Anything else (a lost connection, a timeout, a
 * server error) is thrown: the transaction rolls back and nothing is parked. `held`: the cases
 * already held back (default: those with an unresolved dead letter).
 */
export async function applyIsolated(
  applier: BatchApplier,
  db: SqlClient,
  target: ProjectionTarget,
  events: readonly RecordedEvent[],
  held?: Set<string>,
): Promise<BatchResult> {
  const blocked = held ?? (await blockedCases(db, target.schema, [...new Set(events.map(caseOfEvent))]));
  const parked: DeadLetter[] = [];
  let counts: AppliedCounts = { applied: 0, skipped: 0, alerts: 0 };
  for (const event of events) {
    const caseId = caseOfEvent(event);
    if (blocked.has(caseId)) {
      parked.push(deadLetterOf(event, 'blocked', null));
      continue;
    }
    const outcome = await applyAlone(applier, db, target, event);
    if ('failure' in outcome) {
      parked.push(deadLetterOf(event, 'parked', describeFailure(outcome.failure)));
      blocked.add(caseId);
    } else counts = sum(counts, outcome);
  }
  await parkEvents(db, target.schema, parked);
  return { ...counts, parked };
}

/**
 * In the caller's transaction (a rebuild's swap): applies the batch in one go, and if it fails with
 * an event failure, event by event instead (the batch's partial writes rolled back to a savepoint).
 */
export async function applyOrIsolate(
  applier: BatchApplier,
  db: SqlClient,
  target: ProjectionTarget,
  events: readonly RecordedEvent[],
): Promise<BatchResult> {
  const outcome = await inSavepoint(db, 'batch', () => applier.apply(db, target, events));
  if (!('failure' in outcome)) return outcome;
  if (!isEventFailure(outcome.failure)) throw outcome.failure;
  return applyIsolated(applier, db, target, events);
}

async function applyAlone(
  applier: BatchApplier,
  db: SqlClient,
  target: ProjectionTarget,
  event: RecordedEvent,
): Promise<AppliedCounts | { failure: unknown }> {
  let outcome: AppliedCounts | { failure: unknown } = { failure: undefined };
  for (let tries = 0; tries < TRIES_ALONE && 'failure' in outcome; tries += 1) {
    outcome = await inSavepoint(db, 'event', () => applier.applyAll(db, target, [event]));
    if ('failure' in outcome && !isEventFailure(outcome.failure)) throw outcome.failure;
  }
  return outcome;
}

/**
 * Runs `work` in a savepoint: kept when it resolves; rolled back when it throws, and its error
 * returned. The rollback is outside the catch on purpose: on a connection that is gone it throws,
 * and the whole transaction with it.
 */
async function inSavepoint<T extends object>(
  db: SqlClient,
  name: string,
  work: () => Promise<T>,
): Promise<T | { failure: unknown }> {
  await db.query(`savepoint ${name}`);
  let failure: unknown;
  try {
    const result = await work();
    await db.query(`release savepoint ${name}`);
    return result;
  } catch (error) {
    failure = error;
  }
  await db.query(`rollback to savepoint ${name}`);
  return { failure };
}

const sum = (a: AppliedCounts, b: AppliedCounts): AppliedCounts => ({
  applied: a.applied + b.applied,
  skipped: a.skipped + b.skipped,
  alerts: a.alerts + b.alerts,
});

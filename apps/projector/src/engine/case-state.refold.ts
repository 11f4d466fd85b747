import { CASE_STATE_VERSION, caseStreamOf, decodeCaseEvent, evolve, initialState } from '@ehcp/domain';
import type { EventStore } from '@ehcp/event-store';
import type { CaseStateRow } from '@ehcp/read-models';

/** Whether a stored state was folded under an older CASE_STATE_VERSION than this code's. */
export function isStale(row: CaseStateRow): boolean {
  return row.stateVersion < CASE_STATE_VERSION;
}

/**
 * The stored row as this code folds it: the case's events up to the row's revision, read again from
 * the event store and folded from the initial state with the current `evolve`, so an upgrade that
 * changed the state's shape needs no rebuild. Through `evolve` as every batch is, so the state keeps
 * no personal data (the store decrypts the request's, `evolve` leaves it out). Throws when the
 * stream ends before the row's revision: the row was not made from these events.
 */
export async function refoldedRow(store: EventStore, row: CaseStateRow): Promise<CaseStateRow> {
  let state = initialState;
  let eventCount = 0;
  for await (const recorded of store.readStream(caseStreamOf(row.caseId))) {
    if (Number(recorded.revision) > row.revision) break;
    state = evolve(state, decodeCaseEvent(recorded));
    eventCount += 1;
  }
  if (eventCount !== row.revision + 1)
    throw new Error(
      `case ${row.caseId}: ${eventCount} events in its stream, its state is at ${row.revision}`,
    );
  return { ...row, state, eventCount, stateVersion: CASE_STATE_VERSION };
}

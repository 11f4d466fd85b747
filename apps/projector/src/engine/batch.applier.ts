import {
  CASE_STATE_VERSION,
  CASE_STREAM_PREFIX,
  caseExists,
  caseIdOf,
  deadlinesOf,
  decodeCaseEvent,
  evolve,
  initialState,
  timelineOf,
  type DeadlineCounting,
  type EhcpCaseEventType,
} from '@ehcp/domain';
import type { EventStore, RecordedEvent } from '@ehcp/event-store';
import {
  CASE_STATE_TABLE,
  PROJECTIONS,
  type CaseChange,
  type CaseEvent,
  type CaseStateRow,
  type DeadlineAlert,
  type ProjectedTable,
  type Projection,
  type RowChanges,
} from '@ehcp/read-models';
import { addAlerts } from './alert-outbox.writer';
import { isStale, refoldedRow } from './case-state.refold';
import { addCheckpointSave, claimCheckpoint } from './checkpoint.store';
import { addParkedEvents, blockedCasesJsonSql, type DeadLetter } from './dead-letter.store';
import { CombinedWrite } from './combined-write';
import { applyIsolated } from './event-isolation';
import { inTransaction, type SqlClient } from './sql-client';
import { selectJson, TableRows } from './table-rows';

/** The log filter that selects every case's stream. */
export const CASE_STREAMS = { streamPrefixes: [CASE_STREAM_PREFIX] };

/** Where a batch goes: the live schema with its alert outbox, or a rebuild's shadow without. */
export interface ProjectionTarget {
  readonly schema: string;
  /** False during a rebuild: its swap writes the outbox rows the changed deadlines need. */
  readonly emitAlerts: boolean;
}

export interface AppliedCounts {
  /** Events folded and projected. */
  readonly applied: number;
  /** Events at or below their case's stored revision: replays, harmless by construction. */
  readonly skipped: number;
  readonly alerts: number;
}

export interface BatchResult extends AppliedCounts {
  /** Events set aside in the dead-letter table (failed on their own, or behind one that did). */
  readonly parked: readonly DeadLetter[];
}

/** One event folded (BatchApplier.fold): its case's state after it, and each projection's row changes. */
export interface FoldedEvent {
  readonly state: CaseStateRow;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly changes: readonly { readonly projection: number; readonly changes: RowChanges<any> }[];
}

/**
 * `batch`: the events in one go (a failure fails the batch); `isolate`: each event on its own, in a
 * savepoint, parking those that keep failing (see event-isolation).
 */
export type ApplyMode = 'batch' | 'isolate';

/** A projection's rows of the batch's cases while the batch is applied: case id -> key -> row. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one working set per projection, each typed where defined
type WorkingRows = Map<string, Map<string, any>>;

interface WorkingTable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly store: TableRows<any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly table: ProjectedTable<any>;
  readonly rows: WorkingRows;
  /** key -> the row to write (its latest version in the batch). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly written: Map<string, any>;
  readonly deleted: Set<string>;
}

/**
 * Applies a batch of events: loads the batch's cases' rows, folds each event into its case's state
 * with the domain's `evolve`, runs every projection registered for its type, and writes the changed
 * rows, the alert outbox rows and the checkpoint in one transaction. A case state stored under an
 * older CASE_STATE_VERSION is first re-folded from the case's events in `store`.
 */
export class BatchApplier {
  private readonly handlers: ReadonlyMap<EhcpCaseEventType, readonly number[]>;
  /**
   * Each projection's table, by the projection's index (as `fold` reports its changes): one list,
   * made once, not again on every read (a caller may read it for every row it takes in).
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly projectedTables: readonly ProjectedTable<any>[];

  constructor(
    private readonly counting: DeadlineCounting,
    private readonly store: EventStore,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    private readonly projections: readonly Projection<any>[] = PROJECTIONS,
  ) {
    const handlers = new Map<EhcpCaseEventType, number[]>();
    projections.forEach((projection, index) => {
      for (const type of projection.handles) handlers.set(type, [...(handlers.get(type) ?? []), index]);
    });
    this.handlers = handlers;
    this.projectedTables = projections.map((projection) => projection.table);
  }

  /**
   * One transaction: claims the checkpoint (it must still be `from`), applies `events` (dead letters
   * included), moves the checkpoint to the last one. Returns the new checkpoint. A batch is five round
   * trips: begin, the claim, its reads, its writes with the checkpoint's move, commit.
   */
  async commit(
    db: SqlClient,
    target: ProjectionTarget,
    events: readonly RecordedEvent[],
    from: string | null,
    mode: ApplyMode = 'batch',
  ): Promise<{ checkpoint: string; result: BatchResult }> {
    const checkpoint = events[events.length - 1].position;
    const result = await inTransaction(db, async () => {
      await claimCheckpoint(db, target.schema, from);
      const write = new CombinedWrite();
      addCheckpointSave(write, target.schema, checkpoint);
      const applied =
        mode === 'batch'
          ? await this.apply(db, target, events, write)
          : await applyIsolated(this, db, target, events);
      // Already sent with the batch's rows in batch mode; on its own after an isolated one.
      await write.run(db);
      return applied;
    });
    return { checkpoint, result };
  }

  /**
   * Applies `events` inside the caller's transaction (the checkpoint is the caller's business; its
   * move may come in `write`, sent with the batch's rows). The events of a case that has an
   * unresolved dead letter are not applied but parked behind it: no state is built on top of a
   * skipped event.
   */
  async apply(
    db: SqlClient,
    target: ProjectionTarget,
    events: readonly RecordedEvent[],
    write = new CombinedWrite(),
  ): Promise<BatchResult> {
    const { tables, held } = await this.load(db, target.schema, events, true);
    const parked = events
      .filter((event) => held.has(caseOfEvent(event)))
      .map((event) => deadLetterOf(event, 'blocked', null));
    addParkedEvents(write, target.schema, parked);
    const counts = await this.applyLoaded(
      target,
      events.filter((event) => !held.has(caseOfEvent(event))),
      tables,
      write,
    );
    await write.run(db);
    return { ...counts, parked };
  }

  /** Applies every one of `events`, dead letters disregarded, in the caller's transaction. */
  async applyAll(
    db: SqlClient,
    target: ProjectionTarget,
    events: readonly RecordedEvent[],
  ): Promise<AppliedCounts> {
    const { tables } = await this.load(db, target.schema, events, false);
    const write = new CombinedWrite();
    const counts = await this.applyLoaded(target, events, tables, write);
    await write.run(db);
    return counts;
  }

  /**
   * Folds and projects `events` against their cases' rows as loaded (case state first), and adds
   * every changed row and the alerts to `write`.
   */
  private async applyLoaded(
    target: ProjectionTarget,
    events: readonly RecordedEvent[],
    [states, ...tables]: readonly WorkingTable[],
    write: CombinedWrite,
  ): Promise<AppliedCounts> {
    if (events.length === 0) return { applied: 0, skipped: 0, alerts: 0 };
    const caseEvents = events.map(toCaseEvent);
    await this.refoldStale(states, new Set(caseEvents.map((event) => event.caseId)));
    const alerts: DeadlineAlert[] = [];
    let skipped = 0;
    for (const caseEvent of caseEvents) {
      const stateRows = states.rows.get(caseEvent.caseId)!;
      const stored = stateRows.get(caseEvent.caseId) as CaseStateRow | undefined;
      if (stored && caseEvent.revision <= stored.revision) {
        skipped += 1;
        continue;
      }
      const folded = this.fold(caseEvent, stored, (index) =>
        tables[index].rows.get(caseEvent.caseId)!.values(),
      );
      for (const { projection, changes } of folded.changes) {
        const table = tables[projection];
        const rows = table.rows.get(caseEvent.caseId)!;
        for (const key of changes.deletes) {
          rows.delete(key);
          table.written.delete(key);
          table.deleted.add(key);
        }
        for (const row of changes.upserts) {
          const key = String(row[table.table.key]);
          rows.set(key, row);
          table.written.set(key, row);
          table.deleted.delete(key);
        }
        alerts.push(...changes.alerts);
      }
      stateRows.set(caseEvent.caseId, folded.state);
      states.written.set(caseEvent.caseId, folded.state);
    }
    for (const { store, deleted, written } of [states, ...tables]) {
      store.addDelete(write, [...deleted]);
      store.addUpsert(write, [...written.values()]);
    }
    if (target.emitAlerts) addAlerts(write, alerts);
    return { applied: caseEvents.length - skipped, skipped, alerts: target.emitAlerts ? alerts.length : 0 };
  }

  /**
   * Replaces each stale stored state of these cases (an older CASE_STATE_VERSION) with its re-fold,
   * written even if the batch holds only replays. A current one is taken as it is: no read of the store.
   */
  private async refoldStale(states: WorkingTable, caseIds: ReadonlySet<string>): Promise<void> {
    for (const caseId of caseIds) {
      const rows = states.rows.get(caseId)!;
      const stored = rows.get(caseId) as CaseStateRow | undefined;
      if (!stored || !isStale(stored)) continue;
      const refolded = await refoldedRow(this.store, stored);
      rows.set(caseId, refolded);
      states.written.set(caseId, refolded);
    }
  }

  /**
   * One event folded into its case, nothing written and nothing changed: the case's state row after
   * it and the row changes of each projection that handles it. `stored`: the case's state before it;
   * `rowsOf(index)`: the case's current rows of projection `index`'s table. Throws what the domain or a
   * projection throws (the event's own failure).
   */
  fold(
    caseEvent: CaseEvent,
    stored: CaseStateRow | undefined,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    rowsOf: (projection: number) => Iterable<any>,
  ): FoldedEvent {
    const change = this.changeOf(caseEvent, stored);
    // A loop, not a map with a closure: this runs for every event a rebuild folds.
    const changes: FoldedEvent['changes'][number][] = [];
    for (const projection of this.handlers.get(caseEvent.event.type) ?? []) {
      const rows = Array.from(rowsOf(projection));
      changes.push({ projection, changes: this.projections[projection].project(rows, change) });
    }
    const state: CaseStateRow = {
      caseId: caseEvent.caseId,
      state: change.after,
      revision: caseEvent.revision,
      eventCount: (stored?.eventCount ?? 0) + 1,
      stateVersion: CASE_STATE_VERSION,
    };
    return { state, changes };
  }

  private changeOf(caseEvent: CaseEvent, stored: CaseStateRow | undefined): CaseChange {
    const before = stored?.state ?? initialState;
    const after = evolve(before, caseEvent.event);
    // evolve only ever returns a case after an event (it throws on anything before the request).
    if (!caseExists(after))
      throw new Error(`${caseEvent.event.type} left case ${caseEvent.caseId} without state`);
    // SEN2's timeline counts in legal weeks: in legal counting, the same deadlines, worked out once.
    const legal = deadlinesOf(after);
    const deadlines = this.counting === 'legal' ? legal : deadlinesOf(after, { counting: this.counting });
    // Fields named, not spread from caseEvent: one object of a fixed shape per event folded.
    const { caseId, revision, event } = caseEvent;
    return { caseId, revision, event, before, after, deadlines, timeline: timelineOf(after, legal) };
  }

  /**
   * The events' cases' rows of the case state table, then of each projection's, and (`withHeld`)
   * which of the cases have an unresolved dead letter: one statement for all.
   */
  private async load(
    db: SqlClient,
    schema: string,
    events: readonly RecordedEvent[],
    withHeld: boolean,
  ): Promise<{ tables: WorkingTable[]; held: Set<string> }> {
    const caseIds = [...new Set(events.map(caseOfEvent))];
    const tables = [CASE_STATE_TABLE, ...this.projectedTables];
    const stores = tables.map((table) => new TableRows(table, schema));
    const parts = stores.map((store) => store.jsonSql('$1'));
    if (withHeld) parts.push(blockedCasesJsonSql(schema, '$1'));
    const loaded = await selectJson(db, parts, caseIds);
    const working = tables.map((table, index): WorkingTable => {
      const rows: WorkingRows = new Map(caseIds.map((caseId) => [caseId, new Map()]));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      for (const row of loaded[index] as any[])
        rows.get(String(row[table.caseKey]))!.set(String(row[table.key]), row);
      return { store: stores[index], table, rows, written: new Map(), deleted: new Set() };
    });
    return { tables: working, held: new Set(withHeld ? (loaded[tables.length] as string[]) : []) };
  }
}

/** The case of an event of a case stream. */
export function caseOfEvent(recorded: RecordedEvent): string {
  return caseIdOf(recorded.streamName);
}

/** The dead letter of an event: where it is, what it is, why it was set aside; never its data. */
export function deadLetterOf(
  recorded: RecordedEvent,
  status: DeadLetter['status'],
  error: string | null,
): DeadLetter {
  return {
    caseId: caseOfEvent(recorded),
    revision: Number(recorded.revision),
    position: recorded.position,
    eventType: recorded.type,
    status,
    error,
  };
}

/** A recorded event of a case stream as the projections see it (decoded: throws on one it cannot read). */
export function toCaseEvent(recorded: RecordedEvent): CaseEvent {
  return {
    caseId: caseOfEvent(recorded),
    revision: Number(recorded.revision),
    event: decodeCaseEvent(recorded),
  };
}

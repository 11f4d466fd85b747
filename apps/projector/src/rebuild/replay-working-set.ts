import { CASE_STATE_TABLE, type CaseStateRow, type ProjectedTable, type RowChanges } from '@ehcp/read-models';
import type { FoldedEvent } from '../engine/batch.applier';
import type { SqlClient } from '../engine/sql-client';
import { selectJson, TableRows } from '../engine/table-rows';

/** Rows per bulk statement of a flush: one parameter of JSON each, kept to a few megabytes. */
const WRITE_CHUNK = 2_000;

/** One case in memory: its folded state and its rows of each projection's table (key -> row). */
export interface CaseRows {
  state: CaseStateRow | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one map per projection, each typed where defined
  readonly tables: readonly Map<string, any>[];
}

/**
 * A point in the replay's read of the log: the position of an event (null: before the first) and how
 * many events were read up to it.
 */
export interface LogPoint {
  readonly position: string | null;
  readonly events: number;
}

/** A stored case's changes not yet taken for a flush, table by table (as PendingWrites); its state's too. */
interface CaseChanges {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly written: Map<string, any>[];
  readonly deleted: Set<string>[];
}

/** A case as the working set holds it. */
export interface HeldCase extends CaseRows {
  /**
   * False while nothing of the case is in the shadow tables (seen first in this replay, and not yet
   * taken for a flush): its rows are then inserted, with no conflict to check.
   */
  stored: boolean;
  /** When it was last used (`get`): the least recently used leave memory first. */
  used: number;
  /**
   * Where the log stood before the case's first change not yet taken for a flush (undefined: none):
   * no flush's checkpoint may pass it while the change is held back.
   */
  since: LogPoint | undefined;
  /** A stored case's changes since it was last taken (undefined: none, or not stored). */
  changes: CaseChanges | undefined;
}

/**
 * What a flush still has to write to one table: the latest version of each changed row of the stored
 * cases and the deleted keys, and every row of the cases not yet stored (`inserted`).
 */
interface PendingWrites {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly store: TableRows<any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly written: Map<string, any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly inserted: any[];
  readonly deleted: Set<string>;
}

/** The changes one flush writes, table by table (case state first). */
export type FlushWrites = readonly PendingWrites[];

/**
 * What `takeWrites` took: the writes, and the point of the log up to which the shadow tables hold
 * everything once they commit (undefined: up to the last event recorded).
 */
export interface TakenWrites {
  readonly writes: FlushWrites;
  readonly heldSince: LogPoint | undefined;
}

/**
 * A rebuild's replay keeps the cases it is folding in memory, with their rows, and writes them back
 * in bulk (`takeWrites`, then `write`) instead of loading and writing every batch's cases: a case's
 * many events cost one write, not one per event batch, and a case first seen needs no read at all
 * (the shadow tables start empty). Bounded by a number of cases: once over it, the least recently used
 * cases leave memory, and only their changes are taken for the flush; the others' are held back, so
 * that a case still in progress is written once, when it leaves (most in one COPY), not again at every
 * flush. A case seen again before the next flush is taken comes back from memory; later it is read
 * back (`load`).
 */
export class ReplayWorkingSet {
  private readonly cases = new Map<string, HeldCase>();
  /** Counts the calls of `get`: a case's `used`. */
  private clock = 0;
  /**
   * The cases the last `takeWrites` let go: their last changes are in that flush, which may not have
   * committed yet, so they are taken back from here (`get`), not read back (`load`), until the next.
   */
  private leaving = new Map<string, HeldCase>();
  private readonly states: TableRows<CaseStateRow>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private readonly tables: readonly TableRows<any>[];

  constructor(
    schema: string,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    projectedTables: readonly ProjectedTable<any>[],
    private readonly maxCases: number,
  ) {
    this.states = new TableRows(CASE_STATE_TABLE, schema);
    this.tables = projectedTables.map((table) => new TableRows(table, schema));
  }

  get size(): number {
    return this.cases.size;
  }

  get full(): boolean {
    return this.cases.size > this.maxCases;
  }

  /** Whether the case's rows are in memory: if not, and it has any, they are in the database. */
  has(caseId: string): boolean {
    return this.cases.has(caseId) || this.leaving.has(caseId);
  }

  /**
   * The case's rows (a new, empty case when unknown), now the most recently used. Marked by a clock
   * rather than moved to the end of `cases`: deleting and adding every event's case again made the
   * map rehash as it went.
   */
  get(caseId: string): HeldCase {
    let rows = this.cases.get(caseId);
    if (!rows) {
      rows = this.leaving.get(caseId) ?? this.newCase();
      this.leaving.delete(caseId);
      this.cases.set(caseId, rows);
    }
    rows.used = ++this.clock;
    return rows;
  }

  /** Reads back these cases' rows, written by an earlier flush (nothing of them is in memory). */
  async load(db: SqlClient, caseIds: readonly string[]): Promise<void> {
    if (caseIds.length === 0) return;
    for (const caseId of caseIds) this.get(caseId).stored = true;
    // Every table in one statement, as a live batch reads its cases.
    const [states, ...tables] = await selectJson(
      db,
      [this.states, ...this.tables].map((store) => store.jsonSql('$1')),
      caseIds,
    );
    for (const state of states as CaseStateRow[]) this.get(state.caseId).state = state;
    for (const [index, store] of this.tables.entries()) {
      const table = store.table;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      for (const row of tables[index] as any[])
        this.get(String(row[table.caseKey])).tables[index].set(String(row[table.key]), row);
    }
  }

  /**
   * Takes in an event folded against the case's rows (BatchApplier.fold); `takeWrites` takes it for a
   * flush. `before`: where the log stood before the event. A case not stored yet needs no account of
   * its changes: its rows are inserted as they then are (most rows change many times before: a case's
   * summary row, at every event).
   */
  record(caseRows: HeldCase, folded: FoldedEvent, before: LogPoint): void {
    caseRows.state = folded.state;
    caseRows.since ??= before;
    if (!caseRows.stored) {
      for (const { projection, changes } of folded.changes)
        applyChanges(caseRows.tables[projection], this.tables[projection].table.key, changes);
      return;
    }
    const pending = (caseRows.changes ??= changesFor(this.tables.length));
    for (const { projection, changes } of folded.changes) {
      const key = this.tables[projection].table.key;
      applyChanges(
        caseRows.tables[projection],
        key,
        changes,
        pending.written[projection],
        pending.deleted[projection],
      );
    }
  }

  /**
   * The changes a flush writes; from here on, changes are recorded afresh. Call it only once the
   * previous call's writes have committed. `everything`: every case's changes; else only those of
   * the least recently used cases, which leave memory now, down to half the bound (not just under it,
   * or every new case would take another flush), and only when over it. Those that leave stay at hand
   * until the next call (`has`, `get`): the fold goes on beside the flush instead of waiting for it to
   * read them back. Memory then holds up to one and a half times the bound.
   */
  takeWrites(everything: boolean): TakenWrites {
    const writes = [this.states, ...this.tables].map(pendingFor);
    // The previous flush has committed: the cases it let go are now read back from the database.
    this.leaving = new Map();
    if (this.full) {
      const byUse = [...this.cases].sort(([, a], [, b]) => a.used - b.used);
      for (const [caseId, rows] of byUse.slice(0, this.cases.size - Math.floor(this.maxCases / 2))) {
        this.cases.delete(caseId);
        this.leaving.set(caseId, rows);
        takeCase(rows, writes);
      }
    }
    let heldSince: LogPoint | undefined;
    for (const held of this.cases.values()) {
      if (everything) takeCase(held, writes);
      else if (held.since && (!heldSince || held.since.events < heldSince.events)) heldSince = held.since;
    }
    return { writes, heldSince };
  }

  /** In the caller's transaction (on any connection): a bulk statement per table and chunk. */
  static async write(db: SqlClient, writes: FlushWrites): Promise<void> {
    for (const { store, deleted, written, inserted } of writes) {
      await store.delete(db, [...deleted]);
      await inChunks([...written.values()], (rows) => store.upsert(db, rows));
      await inChunks(inserted, (rows) => store.insert(db, rows));
    }
  }

  private newCase(): HeldCase {
    return {
      state: undefined,
      tables: this.tables.map(() => new Map()),
      stored: false,
      used: 0,
      since: undefined,
      changes: undefined,
    };
  }
}

async function inChunks<T>(
  items: readonly T[],
  write: (chunk: readonly T[]) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < items.length; start += WRITE_CHUNK)
    await write(items.slice(start, start + WRITE_CHUNK));
}

/**
 * A folded event's changes to one table's rows of its case (key -> row), and, for a stored case, to
 * its changes not yet taken for a flush (the latest version of each row, and the deleted keys).
 */
function applyChanges(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  rows: Map<string, any>,
  key: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  changes: RowChanges<any>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  written?: Map<string, any>,
  deleted?: Set<string>,
): void {
  for (const gone of changes.deletes) {
    rows.delete(gone);
    written?.delete(gone);
    deleted?.add(gone);
  }
  for (const row of changes.upserts) {
    const id = String(row[key]);
    rows.set(id, row);
    written?.set(id, row);
    deleted?.delete(id);
  }
}

/**
 * A case's changes into a flush's writes: a case new to the shadow with its state and every row it
 * has (all inserted), a stored one with what changed since it was last taken. From then on it is stored.
 */
function takeCase(held: HeldCase, [states, ...tables]: FlushWrites): void {
  const { changes } = held;
  held.since = undefined;
  held.changes = undefined;
  if (!held.stored) {
    held.stored = true;
    // A case whose first event was parked has nothing to write.
    if (!held.state) return;
    states.inserted.push(held.state);
    for (const [index, rows] of held.tables.entries())
      for (const row of rows.values()) tables[index].inserted.push(row);
    return;
  }
  if (!changes) return;
  states.written.set(held.state!.caseId, held.state);
  for (const [index, table] of tables.entries()) {
    for (const gone of changes.deleted[index]) table.deleted.add(gone);
    for (const [id, row] of changes.written[index]) table.written.set(id, row);
  }
}

function changesFor(tables: number): CaseChanges {
  return {
    written: Array.from({ length: tables }, () => new Map()),
    deleted: Array.from({ length: tables }, () => new Set<string>()),
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function pendingFor(store: TableRows<any>): PendingWrites {
  return { store, written: new Map(), inserted: [], deleted: new Set() };
}

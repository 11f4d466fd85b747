import { CASE_STATE_TABLE, type CaseStateRow, type ProjectedTable } from '@ehcp/read-models';
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

/** What a flush still has to write to one table: the latest version of each changed row, the deleted keys. */
interface PendingWrites {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly store: TableRows<any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly written: Map<string, any>;
  readonly deleted: Set<string>;
}

/** Every change since the last `takeWrites`, table by table: what one flush writes. */
export type FlushWrites = readonly PendingWrites[];

/**
 * A rebuild's replay keeps the cases it is folding in memory, with their rows, and writes them back
 * in bulk (`takeWrites`, then `write`) instead of loading and writing every batch's cases: a case's
 * many events cost one write per flush, not one per event batch, and a case first seen needs no read
 * at all (the shadow tables start empty). Bounded by a number of cases: once over it, the least
 * recently used cases leave memory when their changes are taken for a flush; one seen again before
 * the next flush is taken comes back from memory, later it is read back (`load`).
 */
export class ReplayWorkingSet {
  /** In least recently used order (a Map iterates in insertion order; `get` moves a case last). */
  private readonly cases = new Map<string, CaseRows>();
  /**
   * The cases the last `takeWrites` let go: their last changes are in that flush, which may not have
   * committed yet, so they are taken back from here (`get`), not read back (`load`), until the next.
   */
  private leaving = new Map<string, CaseRows>();
  private states: PendingWrites;
  private tables: readonly PendingWrites[];

  constructor(
    schema: string,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    projectedTables: readonly ProjectedTable<any>[],
    private readonly maxCases: number,
  ) {
    this.states = pendingFor(new TableRows(CASE_STATE_TABLE, schema));
    this.tables = projectedTables.map((table) => pendingFor(new TableRows(table, schema)));
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

  /** The case's rows (a new, empty case when unknown), now the most recently used. */
  get(caseId: string): CaseRows {
    const rows = this.cases.get(caseId) ??
      this.leaving.get(caseId) ?? { state: undefined, tables: this.tables.map(() => new Map()) };
    this.leaving.delete(caseId);
    this.cases.delete(caseId);
    this.cases.set(caseId, rows);
    return rows;
  }

  /** Reads back these cases' rows, written by an earlier flush (nothing of them is in memory). */
  async load(db: SqlClient, caseIds: readonly string[]): Promise<void> {
    if (caseIds.length === 0) return;
    for (const caseId of caseIds) this.get(caseId);
    // Every table in one statement, as a live batch reads its cases.
    const [states, ...tables] = await selectJson(
      db,
      [this.states, ...this.tables].map(({ store }) => store.jsonSql('$1')),
      caseIds,
    );
    for (const state of states as CaseStateRow[]) this.get(state.caseId).state = state;
    for (const [index, { store }] of this.tables.entries()) {
      const table = store.table;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      for (const row of tables[index] as any[])
        this.get(String(row[table.caseKey])).tables[index].set(String(row[table.key]), row);
    }
  }

  /** Takes in an event folded against the case's rows (BatchApplier.fold); `flush` writes it. */
  record(caseRows: CaseRows, folded: FoldedEvent): void {
    for (const { projection, changes } of folded.changes) {
      const rows = caseRows.tables[projection];
      const pending = this.tables[projection];
      const key = pending.store.table.key;
      for (const deleted of changes.deletes) {
        rows.delete(deleted);
        pending.written.delete(deleted);
        pending.deleted.add(deleted);
      }
      for (const row of changes.upserts) {
        const id = String(row[key]);
        rows.set(id, row);
        pending.written.set(id, row);
        pending.deleted.delete(id);
      }
    }
    caseRows.state = folded.state;
    this.states.written.set(folded.state.caseId, folded.state);
  }

  /**
   * Every change since the last call, to be written by `write`; from here on, changes are recorded
   * afresh. Call it only once the previous call's writes have committed. The least recently used cases
   * leave memory now, down to half the bound (not just under it, or every new case would take another
   * flush): their changes are all in what is returned, so until the next call they stay at hand (`has`,
   * `get`), and the fold goes on beside the flush instead of waiting for it to read them back. Memory
   * then holds up to one and a half times the bound.
   */
  takeWrites(): FlushWrites {
    const writes = [this.states, ...this.tables];
    this.states = pendingFor(this.states.store);
    this.tables = this.tables.map(({ store }) => pendingFor(store));
    // The previous flush has committed: the cases it let go are now read back from the database.
    this.leaving = new Map();
    if (this.full) {
      for (const [caseId, rows] of this.cases) {
        if (this.cases.size <= this.maxCases / 2) break;
        this.cases.delete(caseId);
        this.leaving.set(caseId, rows);
      }
    }
    return writes;
  }

  /** In the caller's transaction (on any connection): a bulk statement per table and chunk. */
  static async write(db: SqlClient, writes: FlushWrites): Promise<void> {
    for (const pending of writes) {
      await pending.store.delete(db, [...pending.deleted]);
      const rows = [...pending.written.values()];
      for (let start = 0; start < rows.length; start += WRITE_CHUNK)
        await pending.store.upsert(db, rows.slice(start, start + WRITE_CHUNK));
    }
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function pendingFor(store: TableRows<any>): PendingWrites {
  return { store, written: new Map(), deleted: new Set() };
}

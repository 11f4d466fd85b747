import { columnOf, type ProjectedTable, type SqlType } from '@ehcp/read-models';
import type { SqlClient } from './sql-client';

/** Read back as JavaScript values the projections compare: dates as 'YYYY-MM-DD', bigints as numbers. */
const SELECT_AS: Partial<Record<SqlType, string>> = { date: '::text', bigint: '::float8' };

/** Loads and writes one projected table's rows in a schema (live, or a rebuild's shadow), in bulk. */
export class TableRows<Row> {
  private readonly fields: (keyof Row & string)[];
  /** Each field's column, in the order of `fields`: worked out once, not per row. */
  private readonly columns: string[];
  private readonly qualified: string;
  /** The rows' JSON array as a set of records: see `upsert`. */
  private readonly recordset: string;

  constructor(
    readonly table: ProjectedTable<Row>,
    schema: string,
  ) {
    this.fields = Object.keys(table.columns) as (keyof Row & string)[];
    this.columns = this.fields.map(columnOf);
    this.qualified = `${schema}.${table.name}`;
    const flat = !Object.values<SqlType>(table.columns).includes('jsonb');
    this.recordset = flat ? 'json_to_recordset($1::json)' : 'jsonb_to_recordset($1::jsonb)';
  }

  /** Every row of these cases. */
  async load(db: SqlClient, caseIds: readonly string[]): Promise<Row[]> {
    const columns = this.fields.map(
      (field, index) => `${this.columns[index]}${SELECT_AS[this.table.columns[field]] ?? ''} as "${field}"`,
    );
    const { rows } = await db.query<Row & object>(
      `select ${columns.join(', ')} from ${this.qualified} where ${columnOf(this.table.caseKey)} = any($1::text[])`,
      [caseIds],
    );
    return rows;
  }

  /**
   * Inserts or replaces whole rows: one statement whatever their number. The rows go as they are, one
   * JSON array whose keys are the fields (no copy of each row keyed by column). Read as `json` when
   * the rows are flat: PostgreSQL then scans the text once instead of building a jsonb copy of all of
   * it first (2,000 case_deadline rows: a quarter less time). Not with a jsonb column (case_state's
   * folded state): each value would then be scanned twice, once in the array, once as jsonb (a
   * rebuild's case_state flushes took twice as long).
   */
  async upsert(db: SqlClient, rows: readonly Row[]): Promise<void> {
    if (rows.length === 0) return;
    const { columns, recordset } = this;
    const record = this.fields.map((field) => `"${field}" ${this.table.columns[field]}`);
    const key = columnOf(this.table.key);
    const updates = columns
      .filter((column) => column !== key)
      .map((column) => `${column} = excluded.${column}`);
    await db.query(
      `insert into ${this.qualified} (${columns.join(', ')})
       select ${this.fields.map((field) => `"${field}"`).join(', ')}
         from ${recordset} as r(${record.join(', ')})
       on conflict (${key}) do update set ${updates.join(', ')}`,
      [JSON.stringify(rows)],
    );
  }

  async delete(db: SqlClient, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await db.query(`delete from ${this.qualified} where ${columnOf(this.table.key)} = any($1::text[])`, [
      keys,
    ]);
  }
}

import { columnOf, type ProjectedTable, type SqlType } from '@ehcp/read-models';
import { CombinedWrite } from './combined-write';
import type { SqlClient } from './sql-client';

/**
 * Read back as JavaScript values the projections compare: dates as 'YYYY-MM-DD', bigints as numbers.
 * The same values whether a row comes as columns or as JSON (`jsonSql`): every type here has one
 * JSON form.
 */
const SELECT_AS: Partial<Record<SqlType, string>> = { date: '::text', bigint: '::float8' };

/** Loads and writes one projected table's rows in a schema (live, or a rebuild's shadow), in bulk. */
export class TableRows<Row> {
  private readonly fields: (keyof Row & string)[];
  /** Each field's column, in the order of `fields`: worked out once, not per row. */
  private readonly columns: string[];
  private readonly qualified: string;
  /** No jsonb column: the rows' JSON array is read as `json` (see `addUpsert`). */
  private readonly flat: boolean;

  constructor(
    readonly table: ProjectedTable<Row>,
    schema: string,
  ) {
    this.fields = Object.keys(table.columns) as (keyof Row & string)[];
    this.columns = this.fields.map(columnOf);
    this.qualified = `${schema}.${table.name}`;
    this.flat = !Object.values<SqlType>(table.columns).includes('jsonb');
  }

  /** Every row of these cases. */
  async load(db: SqlClient, caseIds: readonly string[]): Promise<Row[]> {
    const { rows } = await db.query<Row & object>(this.selectSql('$1'), [caseIds]);
    return rows;
  }

  /** The rows of these cases as one JSON array (for `selectJson`): the same values as `load`'s. */
  jsonSql(param: string): string {
    return `(select coalesce(json_agg(r), '[]'::json) from (${this.selectSql(param)}) r)`;
  }

  /** The rows of the cases in `param` (a text[]), each field under its own name. */
  selectSql(param: string): string {
    const columns = this.fields.map(
      (field, index) => `${this.columns[index]}${SELECT_AS[this.table.columns[field]] ?? ''} as "${field}"`,
    );
    return `select ${columns.join(', ')} from ${this.qualified} where ${columnOf(this.table.caseKey)} = any(${param}::text[])`;
  }

  /** Inserts or replaces whole rows: one statement whatever their number. */
  async upsert(db: SqlClient, rows: readonly Row[]): Promise<void> {
    const write = new CombinedWrite();
    this.addUpsert(write, rows);
    await write.run(db);
  }

  /**
   * The upsert as part of a combined write (nothing when there are no rows). The rows go as they
   * are, one JSON array whose keys are the fields (no copy of each row keyed by column). Read as
   * `json` when the rows are flat: PostgreSQL then scans the text once instead of building a jsonb
   * copy of all of it first (2,000 case_deadline rows: a quarter less time). Not with a jsonb column
   * (case_state's folded state): each value would then be scanned twice, once in the array, once as
   * jsonb (a rebuild's case_state flushes took twice as long).
   */
  addUpsert(write: CombinedWrite, rows: readonly Row[]): void {
    if (rows.length === 0) return;
    const { columns } = this;
    const record = this.fields.map((field) => `"${field}" ${this.table.columns[field]}`);
    const key = columnOf(this.table.key);
    const updates = columns
      .filter((column) => column !== key)
      .map((column) => `${column} = excluded.${column}`);
    write.add(
      (param) => `insert into ${this.qualified} (${columns.join(', ')})
       select ${this.fields.map((field) => `"${field}"`).join(', ')}
         from ${this.flat ? `json_to_recordset(${param}::json)` : `jsonb_to_recordset(${param}::jsonb)`}
           as r(${record.join(', ')})
       on conflict (${key}) do update set ${updates.join(', ')}`,
      JSON.stringify(rows),
    );
  }

  async delete(db: SqlClient, keys: readonly string[]): Promise<void> {
    const write = new CombinedWrite();
    this.addDelete(write, keys);
    await write.run(db);
  }

  /** The delete as part of a combined write (nothing when there are no keys). */
  addDelete(write: CombinedWrite, keys: readonly string[]): void {
    if (keys.length === 0) return;
    write.add(
      (param) => `delete from ${this.qualified} where ${columnOf(this.table.key)} = any(${param}::text[])`,
      keys,
    );
  }
}

/**
 * Several JSON values read in one statement, each a scalar subquery of `$1` (the batch's case ids):
 * a batch's reads (its tables' rows, its held cases) then cost one round trip, not one each.
 */
export async function selectJson(
  db: SqlClient,
  parts: readonly string[],
  caseIds: readonly string[],
): Promise<unknown[]> {
  if (parts.length === 0) return [];
  const { rows } = await db.query<{ parts: unknown[] }>(
    `select json_build_array(${parts.join(', ')}) as parts`,
    [caseIds],
  );
  return rows[0].parts;
}

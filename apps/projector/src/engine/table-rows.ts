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
  /** Each field read from its place in a row's JSON array, as its column's type (see `addRows`). */
  private readonly fromArray: string[];

  constructor(
    readonly table: ProjectedTable<Row>,
    schema: string,
  ) {
    this.fields = Object.keys(table.columns) as (keyof Row & string)[];
    this.columns = this.fields.map(columnOf);
    this.qualified = `${schema}.${table.name}`;
    this.fromArray = this.fields.map((field, index) => fromArrayElement(index, table.columns[field]));
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
   * Inserts rows whose keys are not in the table (a unique violation otherwise): without the upsert's
   * conflict check, PostgreSQL writes them about a quarter faster (case_deadline's, in bulk).
   */
  async insert(db: SqlClient, rows: readonly Row[]): Promise<void> {
    const write = new CombinedWrite();
    this.addRows(write, rows, '');
    await write.run(db);
  }

  /** The upsert as part of a combined write (nothing when there are no rows). */
  addUpsert(write: CombinedWrite, rows: readonly Row[]): void {
    const key = columnOf(this.table.key);
    const updates = this.columns
      .filter((column) => column !== key)
      .map((column) => `${column} = excluded.${column}`);
    this.addRows(write, rows, `on conflict (${key}) do update set ${updates.join(', ')}`);
  }

  /**
   * Each row goes as a JSON array of its values in the order of `fields`, the rows as one array read
   * as jsonb: PostgreSQL parses it once and takes each value by its place. `json_to_recordset` over
   * the rows as objects built a lookup of every object's keys first, and the keys made the text a
   * third longer: a rebuild's flushes of case_deadline spent about as long reading the rows as
   * writing them.
   */
  private addRows(write: CombinedWrite, rows: readonly Row[], onConflict: string): void {
    if (rows.length === 0) return;
    const { fields } = this;
    const values = rows.map((row) => fields.map((field) => row[field]));
    write.add(
      (param) => `insert into ${this.qualified} (${this.columns.join(', ')})
       select ${this.fromArray.join(', ')} from jsonb_array_elements(${param}::jsonb) as r
       ${onConflict}`,
      JSON.stringify(values),
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

/**
 * The value at `index` of the row array `r` as `type`: a scalar from its text (JSON null: SQL NULL),
 * a jsonb value as it is (JSON null: SQL NULL too, as json_to_recordset gave).
 */
function fromArrayElement(index: number, type: SqlType): string {
  switch (type) {
    case 'jsonb':
      return `nullif(r->${index}, 'null'::jsonb)`;
    case 'text':
    case 'date':
    case 'boolean':
    case 'smallint':
    case 'integer':
    case 'bigint':
      return `(r->>${index})::${type}`;
  }
}

import { columnOf, type ProjectedTable, type SqlType } from '@ehcp/read-models';
import { CombinedWrite } from './combined-write';
import { copyInto, copyText } from './copy-rows';
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
  /** The fields of a jsonb column, each sent as an array of its own (see `addUpsert`), and the others. */
  private readonly jsonFields: (keyof Row & string)[];
  private readonly scalarFields: (keyof Row & string)[];
  /** Each column's value in the rows `addUpsert` sends, in the order of `columns`. */
  private readonly fromRows: string[];

  constructor(
    readonly table: ProjectedTable<Row>,
    schema: string,
  ) {
    this.fields = Object.keys(table.columns) as (keyof Row & string)[];
    this.columns = this.fields.map(columnOf);
    this.qualified = `${schema}.${table.name}`;
    this.jsonFields = this.fields.filter((field) => table.columns[field] === 'jsonb');
    this.scalarFields = this.fields.filter((field) => table.columns[field] !== 'jsonb');
    this.fromRows = this.fields.map((field) => {
      const type = table.columns[field];
      return fromSent(type, (type === 'jsonb' ? this.jsonFields : this.scalarFields).indexOf(field));
    });
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
   * Inserts rows whose keys are not in the table (a unique violation otherwise), by COPY: no conflict
   * to check, no statement or JSON to parse per row (see copyInto).
   */
  async insert(db: SqlClient, rows: readonly Row[]): Promise<void> {
    if (rows.length === 0) return;
    const types = this.fields.map((field) => this.table.columns[field]);
    await copyInto(db, this.qualified, this.columns, copyText(rows, this.fields, types));
  }

  /**
   * The upsert as part of a combined write (nothing when there are no rows). Each row's scalar values
   * go as a JSON array in the order of `scalarFields`, the rows as one array read as jsonb: PostgreSQL
   * parses it once and takes each value by its place. `json_to_recordset` over the rows as objects
   * built a lookup of every object's keys first, and the keys made the text a third longer. A jsonb
   * column's values (case_state's folded states, about 3 KB each) go apart, as a json array whose
   * elements are each parsed once, zipped to the rows by ROWS FROM: inside the rows' jsonb array they
   * were parsed with it and then copied out again, and inserting 2,000 states cost PostgreSQL about
   * twice the CPU.
   */
  addUpsert(write: CombinedWrite, rows: readonly Row[]): void {
    if (rows.length === 0) return;
    const { scalarFields, jsonFields } = this;
    const scalars = JSON.stringify(rows.map((row) => scalarFields.map((field) => row[field])));
    const jsons = jsonFields.map((field) => JSON.stringify(rows.map((row) => row[field])));
    const key = columnOf(this.table.key);
    const updates = this.columns
      .filter((column) => column !== key)
      .map((column) => `${column} = excluded.${column}`);
    write.add(
      (...params) => `insert into ${this.qualified} (${this.columns.join(', ')})
       select ${this.fromRows.join(', ')} from ${sentRows(params)}
       on conflict (${key}) do update set ${updates.join(', ')}`,
      scalars,
      ...jsons,
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
 * The rows `addUpsert` sends, zipped element by element: the scalars' jsonb array (each element `r`)
 * and each jsonb column's json array (`j0`, `j1`...).
 */
function sentRows([scalars, ...jsons]: readonly string[]): string {
  const sources = [
    `jsonb_array_elements(${scalars}::jsonb)`,
    ...jsons.map((param) => `json_array_elements(${param}::json)`),
  ];
  return `rows from (${sources.join(', ')}) as sent(r${jsons.map((_, index) => `, j${index}`).join('')})`;
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
 * A column's value in the rows `addUpsert` sends: a scalar from its text at `index` of the row array `r`
 * (JSON null: SQL NULL), a jsonb value from its own array's element (JSON null: SQL NULL too, as
 * json_to_recordset gave).
 */
function fromSent(type: SqlType, index: number): string {
  switch (type) {
    case 'jsonb':
      return `nullif(j${index}::jsonb, 'null'::jsonb)`;
    case 'text':
    case 'date':
    case 'boolean':
    case 'smallint':
    case 'integer':
    case 'bigint':
      return `(r->>${index})::${type}`;
  }
}

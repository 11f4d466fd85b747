/** The SQL types the projected tables use. */
export type SqlType = 'text' | 'date' | 'boolean' | 'smallint' | 'integer' | 'bigint' | 'jsonb';

/**
 * How the runner stores one projection's rows: the table, each field's SQL type (the column is the
 * field's snake_case name), the primary key and the case id field the runner loads a batch's rows by.
 */
export interface ProjectedTable<Row> {
  readonly name: string;
  readonly columns: { readonly [K in keyof Row]-?: SqlType };
  readonly key: keyof Row & string;
  readonly caseKey: keyof Row & string;
}

/** `childFirstName` -> `child_first_name`, `scoreH1` -> `score_h1`. */
export function columnOf(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

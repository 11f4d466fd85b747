import type { SqlType } from '@ehcp/read-models';
import { from } from 'pg-copy-streams';
import type { SqlClient } from './sql-client';

/** COPY's text format escapes these four (its delimiter, tab, among them) with a backslash. */
const ESCAPED = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
/** A UTF-16 surrogate without its pair: no character, so no UTF-8 either. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Whether a text needs any of the above: most need none, and are sent as they are. */
const SPECIAL = /[\\\t\n\r\ud800-\udfff]/;

/**
 * One value as a field of COPY's text format. NULL (and undefined, as JSON had it) is `\N`; a jsonb
 * value is its JSON text (JSON null too is NULL, as the INSERT's `nullif` made it), a boolean `t`/`f`,
 * anything else its string (dates are already 'YYYY-MM-DD').
 */
export function copyField(value: unknown, type: SqlType): string {
  if (value === null || value === undefined) return '\\N';
  // JSON.stringify escapes every control character and lone surrogate: only backslashes are left.
  if (type === 'jsonb') return JSON.stringify(value).replaceAll('\\', '\\\\');
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = String(value);
  return SPECIAL.test(text) ? escapeCopy(text) : text;
}

/**
 * A lone surrogate would become U+FFFD on the way to UTF-8 and be stored silently; the INSERT path's
 * JSON refused it (22P05), and the event was parked. Sent as its raw bytes (`\x` escapes), it is
 * refused as a data exception here too (22021: not UTF-8).
 */
function escapeCopy(text: string): string {
  const escaped = text.replace(ESCAPED, (char) => ESCAPES[char]);
  return escaped.replace(LONE_SURROGATE, (char) => {
    const code = char.charCodeAt(0);
    return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
      .map((byte) => `\\x${byte.toString(16)}`)
      .join('');
  });
}

/** Rows as COPY's text: a line each, its fields tab-separated in the order of `fields`. */
export function copyText<Row>(
  rows: readonly Row[],
  fields: readonly (keyof Row & string)[],
  types: readonly SqlType[],
): string {
  let text = '';
  for (const row of rows) {
    for (let index = 0; index < fields.length; index += 1)
      text += (index === 0 ? '' : '\t') + copyField(row[fields[index]], types[index]);
    text += '\n';
  }
  return text;
}

/**
 * Writes `text` (copyText's) into `target`'s `columns` by COPY FROM STDIN on `db`, in the caller's
 * transaction: PostgreSQL parses the lines as they come, with no SQL or JSON to parse per row (about
 * half the server's CPU of an INSERT ... SELECT from JSON, case_deadline's, in bulk). A row refused
 * rejects with PostgreSQL's error (its SQLSTATE), as the INSERT's did.
 */
export async function copyInto(
  db: SqlClient,
  target: string,
  columns: readonly string[],
  text: string,
): Promise<void> {
  const stream = from(`copy ${target} (${columns.join(', ')}) from stdin`);
  // Written through this reference, not what `query` returns: a wrapper may give back a promise.
  db.query(stream);
  await new Promise<void>((resolve, reject) => {
    // 'finish' comes once PostgreSQL has taken every row and the connection is ready again.
    stream.on('finish', resolve);
    stream.on('error', reject);
    stream.end(text);
  });
}

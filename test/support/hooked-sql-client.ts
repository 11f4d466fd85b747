import type { QueryResultRow } from 'pg';
import type { SqlClient } from '../../apps/projector/src/engine/sql-client';

interface Hooks {
  /** Awaited before a statement is sent. */
  readonly before?: (text: string) => Promise<void>;
  /** Awaited once it has answered, before the caller hears. */
  readonly after?: (text: string) => Promise<void>;
}

/**
 * `db`, with hooks around each statement (a test's race or delay); a stream such as COPY's goes
 * straight through, as it must be given back at once to be written.
 */
export function hookedSqlClient(db: SqlClient, { before, after }: Hooks): SqlClient {
  const statement = async (text: string, values?: unknown[]) => {
    await before?.(text);
    const result = await db.query<QueryResultRow>(text, values);
    await after?.(text);
    return result;
  };
  return {
    query: (text: unknown, values?: unknown[]) =>
      typeof text === 'string' ? statement(text, values) : db.query(text as never),
  } as SqlClient;
}

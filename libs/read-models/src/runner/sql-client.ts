import { Client, type QueryResult, type QueryResultRow } from 'pg';

/** What the runner and the rebuild need of a PostgreSQL connection (a pg Client or PoolClient). */
export interface SqlClient {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}

/** The read models' live schema, where the api, the notifier and the migrations find them. */
export const LIVE_SCHEMA = 'public';

/**
 * A connection of its own (not from a pool): the projector's leadership lock lives in its session,
 * and every batch goes through it, so a writer that lost its session cannot write either. `onLost`
 * hears of the session ending, whoever ended it.
 */
export async function connectSqlClient(url: string, onLost: (error?: Error) => void): Promise<Client> {
  const client = new Client({ connectionString: url, keepAlive: true });
  // A broken connection emits 'error' (unhandled, it would end the process), then 'end'.
  client.on('error', onLost);
  client.on('end', () => onLost());
  await client.connect();
  return client;
}

/** Runs `work` in one transaction on `db`: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(db: SqlClient, work: () => Promise<T>): Promise<T> {
  await db.query('begin');
  try {
    const result = await work();
    await db.query('commit');
    return result;
  } catch (error) {
    await db.query('rollback').catch(() => undefined);
    throw error;
  }
}

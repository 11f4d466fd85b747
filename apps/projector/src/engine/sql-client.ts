import { Client, type QueryResult, type QueryResultRow, type Submittable } from 'pg';

/** What the runner and the rebuild need of a PostgreSQL connection (a pg Client or PoolClient). */
export interface SqlClient {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
  /** A stream such as COPY's (pg-copy-streams), given back as it is, to be written or read. */
  query<T extends Submittable>(stream: T): T;
}

/** The read models' live schema, where the api, the notifier and the migrations find them. */
export const LIVE_SCHEMA = 'public';

/**
 * How soon the server notices that this connection's peer is gone (a leader's host powered off or cut
 * off, which closes no socket): keepalive probes after 5 s idle, 1 s apart, 3 unanswered end the
 * session, and unacknowledged data for 8 s too. Its advisory lock goes with it, so a standby takes over
 * within about 10 s instead of the operating system's two hours.
 */
const SERVER_KEEPALIVE = {
  tcp_keepalives_idle: '5',
  tcp_keepalives_interval: '1',
  tcp_keepalives_count: '3',
  tcp_user_timeout: '8000',
};

/**
 * A connection of its own (not from a pool): the projector's leadership lock lives in its session,
 * and every batch goes through it, so a writer that lost its session cannot write either. `onLost`
 * hears of the session ending, whoever ended it.
 */
export async function connectSqlClient(url: string, onLost: (error?: Error) => void): Promise<Client> {
  const client = new Client({ connectionString: url, keepAlive: true, keepAliveInitialDelayMillis: 5_000 });
  // A broken connection emits 'error' (unhandled, it would end the process), then 'end'.
  client.on('error', onLost);
  client.on('end', () => onLost());
  await client.connect();
  // Session settings rather than startup options: they also pass through poolers that refuse those.
  const settings = Object.entries(SERVER_KEEPALIVE);
  await client.query(
    `select ${settings.map((_, index) => `set_config($${2 * index + 1}, $${2 * index + 2}, false)`).join(', ')}`,
    settings.flat(),
  );
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

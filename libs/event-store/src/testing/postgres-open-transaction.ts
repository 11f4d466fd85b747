import type { Pool } from 'pg';
import type { AppendResult, ExpectedRevision, NewEvent } from '../event-store.port';
import { appendInTransaction } from '../postgres/postgres-event-store.adapter';

/** An append transaction the test drives step by step, to reproduce late commits and rollbacks. */
export interface OpenTransaction {
  /** Takes a transaction id now, as a real append does at its first write. */
  assignTransactionId(): Promise<void>;
  append(streamName: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  /** For `finally`: rolls back unless already committed or rolled back, so a failed test frees its connection. */
  abandon(): Promise<void>;
}

export async function openPostgresTransaction(pool: Pool): Promise<OpenTransaction> {
  const client = await pool.connect();
  await client.query('begin');
  let open = true;
  const finish = async (statement: 'commit' | 'rollback') => {
    open = false;
    try {
      await client.query(statement);
    } finally {
      client.release();
    }
  };
  return {
    assignTransactionId: async () => {
      await client.query('select pg_current_xact_id()');
    },
    append: (streamName, events, expected) => appendInTransaction(client, streamName, events, expected),
    commit: () => finish('commit'),
    rollback: () => finish('rollback'),
    abandon: async () => {
      if (open) await finish('rollback');
    },
  };
}

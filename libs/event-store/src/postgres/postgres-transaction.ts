import type { Pool, PoolClient } from 'pg';

/**
 * Runs `work` in one transaction on one pooled connection. When even the rollback fails the connection
 * is broken: it is destroyed rather than returned to the pool, and the original error is rethrown.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let rollbackFailure: Error | undefined;
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    rollbackFailure = await client.query('rollback').then(
      () => undefined,
      (failure: Error) => failure,
    );
    throw error;
  } finally {
    client.release(rollbackFailure);
  }
}

import type { Pool, PoolClient } from 'pg';

/**
 * Runs `work` in one transaction on one pooled connection. When even the rollback fails the connection
 * is broken: it is destroyed rather than returned to the pool, and the original error is rethrown.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // pg-pool listens for 'error' only on idle clients. A server that ends the session between two of our
  // queries (a restart: "terminating connection due to administrator command") would otherwise raise an
  // unhandled 'error' and end the process; the next query fails instead, and the client is destroyed.
  let lost: Error | undefined;
  const onLost = (error: Error) => (lost = error);
  client.on('error', onLost);
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
    client.removeListener('error', onLost);
    client.release(rollbackFailure ?? lost);
  }
}

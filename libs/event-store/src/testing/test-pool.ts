import { Pool, type DatabaseError } from 'pg';

/** PostgreSQL's code for a connection ended by `drop database ... with (force)`. */
const ADMIN_SHUTDOWN = '57P01';

/**
 * A pool on a throwaway test database. pool.end() resolves before every backend has exited, so the
 * forced drop that follows may terminate a connection the pool is still closing: only that is expected.
 */
export function openTestPool(url: string): Pool {
  const pool = new Pool({ connectionString: url });
  pool.on('error', (error: Error) => {
    if ((error as DatabaseError).code !== ADMIN_SHUTDOWN) throw error;
  });
  return pool;
}

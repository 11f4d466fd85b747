import type { Pool } from 'pg';
import type { EventStore } from '@ehcp/event-store';
import { eventPages } from '../apps/projector/src/rebuild/event-pages.reader';

/** The rebuild's own batch size (its default), and the page size of both reads. */
export const PAGE = 500;

/**
 * Readers only pass transactions older than every transaction still running in the whole cluster
 * (pg_snapshot_xmin), so another database's open transaction hides the newest seeded rows: wait for
 * it, or the store would read (and the rebuild replay) only part of the log.
 */
export async function waitForWatermark(
  pool: Pool,
  log: (message: string) => void,
  ms = 300_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  for (let waited = 0; Date.now() < deadline; waited += 1) {
    const { rows } = await pool.query<{ visible: boolean }>(
      `select pg_snapshot_xmin(pg_current_snapshot()) > (select max(transaction_id) from es_events) as visible`,
    );
    if (rows[0].visible) return;
    if (waited % 20 === 0) log('rebuild: waiting for older transactions elsewhere on the server to end');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the seeded events stayed behind the transaction watermark: a transaction is left open');
}

/** The baseline: every row, in log order, a page at a time, and nothing else. */
export async function scanLog(pool: Pool): Promise<number> {
  let after = ['0', '0'];
  let count = 0;
  for (;;) {
    const { rows } = await pool.query<{ t: string; g: string }>(
      `select transaction_id::text as t, global_position::text as g, stream_id, stream_revision, event_id,
              event_type, data, metadata, created_at
         from es_events where (transaction_id, global_position) > ($1::xid8, $2::bigint)
        order by transaction_id, global_position limit ${PAGE}`,
      after,
    );
    count += rows.length;
    if (rows.length < PAGE) return count;
    after = [rows[rows.length - 1].t, rows[rows.length - 1].g];
  }
}

/** What the rebuild's first pass reads: one readAll through the store, a page read ahead. */
export async function readThroughStore(store: EventStore): Promise<number> {
  let count = 0;
  for await (const page of eventPages(store, null, PAGE)) count += page.length;
  return count;
}

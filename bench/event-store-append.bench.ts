import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore } from '@ehcp/event-store';
import type { BenchContext, BenchResult } from './bench.types';

const STREAMS = 16;

/**
 * 1. Single-event appends on 16 concurrent streams through our PostgreSQL store (stream lock, revision
 * check, insert, revision bump, NOTIFY in one transaction) against plain INSERTs of the same rows into an
 * equivalent table with the same indexes: the physical floor of the work.
 */
export async function benchEventStoreAppends(context: BenchContext): Promise<BenchResult[]> {
  const perStream = context.quick ? 150 : 1500;
  const pool = new Pool({ connectionString: context.databaseUrl, max: STREAMS + 2 });
  // Dropping the database on Ctrl-C ends idle connections: that must not crash the clean-up.
  pool.on('error', () => undefined);
  const store = await PostgresEventStore.create({ pool });
  try {
    await createPlainTable(pool);
    const data = { caseId: randomUUID(), assignedOn: '2026-01-05', caseworkerId: 'cw-north-1' };
    const metadata = { userId: 'bench', correlationId: randomUUID(), schemaVersion: 1 };
    const ours = await perSecond(STREAMS * perStream, () =>
      Promise.all(
        Array.from({ length: STREAMS }, async (_, s) => {
          const stream = `bench-${randomUUID()}`;
          for (let i = 0; i < perStream; i += 1) {
            const event = { id: randomUUID(), type: 'CaseworkerAssigned', data, metadata };
            await store.appendToStream(stream, [event], {
              expectedRevision: i === 0 ? 'no_stream' : BigInt(i - 1),
            });
          }
          return s;
        }),
      ),
    );
    const plain = await perSecond(STREAMS * perStream, () =>
      Promise.all(
        Array.from({ length: STREAMS }, async () => {
          const stream = `plain-${randomUUID()}`;
          for (let i = 0; i < perStream; i += 1) {
            await pool.query(
              `insert into bench_plain_events (stream_id, stream_revision, event_id, event_type, data, metadata)
               values ($1, $2, $3, 'CaseworkerAssigned', $4, $5)`,
              [stream, i, randomUUID(), data, metadata],
            );
          }
        }),
      ),
    );
    context.log(`appends: store ${ours.toFixed(0)}/s, plain inserts ${plain.toFixed(0)}/s`);
    return [
      {
        benchmark: '1. event store appends (16 streams, 1 event each)',
        measure: 'appends per second',
        unit: '/s',
        value: ours,
        baselineName: 'plain INSERTs, same table shape',
        baseline: plain,
        higherIsBetter: true,
      },
    ];
  } finally {
    await store.close();
    await pool.end();
  }
}

async function createPlainTable(pool: Pool): Promise<void> {
  await pool.query(`
    create table if not exists bench_plain_events (
      global_position bigint generated always as identity,
      transaction_id xid8 not null default pg_current_xact_id(),
      stream_id text not null, stream_revision bigint not null, event_id uuid not null,
      event_type text not null, data jsonb not null, metadata jsonb not null,
      created_at timestamptz not null default now(),
      primary key (stream_id, stream_revision), unique (stream_id, event_id));
    create index if not exists bench_plain_events_log on bench_plain_events (transaction_id, global_position);`);
}

async function perSecond(count: number, work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

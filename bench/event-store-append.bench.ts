import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { PostgresEventStore } from '@ehcp/event-store';
import { throughputRows, type BenchContext, type BenchResult } from './bench.types';

const STREAMS = 16;

/** Appends `count` single events to one stream in order: the writer loop every contender runs. */
type Writer = (stream: string, count: number) => Promise<void>;

/**
 * 1. Single-event appends through our PostgreSQL store (revision read from the primary key, revision
 * check and insert in one autocommit statement: plain SQL for a single event, es_append for what that
 * does not write; NOTIFY after commit) against
 * Emmett's PostgreSQL store (0.42.0, its append function in a transaction) and plain INSERTs of the same
 * rows into an equivalent table with the same indexes (the physical floor of the work): on 16 concurrent
 * streams, and with one writer. Each contender gets a pool of the same size, a warm-up, and two measured
 * rounds run in mirrored order (ours, Emmett, plain, plain, Emmett, ours) so that drift on a busy
 * machine falls on all three alike.
 */
export async function benchEventStoreAppends(context: BenchContext): Promise<BenchResult[]> {
  const perStream = context.quick ? 150 : 1500;
  const single = context.quick ? 600 : 6000;
  const pools = Array.from({ length: 3 }, () => {
    const pool = new Pool({ connectionString: context.databaseUrl, max: STREAMS + 2 });
    // Dropping the database on Ctrl-C ends idle connections: that must not crash the clean-up.
    pool.on('error', () => undefined);
    return pool;
  });
  const store = await PostgresEventStore.create({ pool: pools[0] });
  const emmett = getPostgreSQLEventStore(context.databaseUrl, {
    connectionOptions: { pooled: true, pool: pools[1] },
  });
  try {
    await createPlainTable(pools[2]);
    const data = { caseId: randomUUID(), assignedOn: '2026-01-05', caseworkerId: 'cw-north-1' };
    const metadata = { userId: 'bench', correlationId: randomUUID(), schemaVersion: 1 };
    const writers: Record<'ours' | 'emmett' | 'plain', Writer> = {
      ours: async (stream, count) => {
        for (let i = 0; i < count; i += 1) {
          const event = { id: randomUUID(), type: 'CaseworkerAssigned', data, metadata };
          await store.appendToStream(stream, [event], {
            expectedRevision: i === 0 ? 'no_stream' : BigInt(i - 1),
          });
        }
      },
      emmett: async (stream, count) => {
        for (let i = 0; i < count; i += 1) {
          // Emmett's stream versions count from 1: after i events the stream is at version i.
          await emmett.appendToStream(stream, [{ type: 'CaseworkerAssigned', data, metadata }], {
            expectedStreamVersion: i === 0 ? STREAM_DOES_NOT_EXIST : BigInt(i),
          });
        }
      },
      plain: async (stream, count) => {
        for (let i = 0; i < count; i += 1) {
          await pools[2].query(
            `insert into bench_plain_events (stream_id, stream_revision, event_id, event_type, data, metadata)
             values ($1, $2, $3, 'CaseworkerAssigned', $4, $5)`,
            [stream, i, randomUUID(), data, metadata],
          );
        }
      },
    };
    const concurrent = await measure(writers, STREAMS, perStream);
    const oneWriter = await measure(writers, 1, single);
    context.log(
      `appends, 16 streams: ours ${concurrent.ours.toFixed(0)}/s, Emmett ${concurrent.emmett.toFixed(0)}/s, ` +
        `plain ${concurrent.plain.toFixed(0)}/s; 1 writer: ours ${oneWriter.ours.toFixed(0)}/s, ` +
        `Emmett ${oneWriter.emmett.toFixed(0)}/s, plain ${oneWriter.plain.toFixed(0)}/s`,
    );
    return [
      ...rows('1. event store appends (16 streams, 1 event each)', concurrent),
      ...rows('1. event store appends (1 writer, 1 event each)', oneWriter),
    ];
  } finally {
    await store.close();
    await emmett.close();
    await Promise.all(pools.map((pool) => pool.end()));
  }
}

function rows(benchmark: string, rates: Record<'ours' | 'emmett' | 'plain', number>): BenchResult[] {
  return throughputRows(benchmark, 'appends per second', rates.ours, [
    ["Emmett's PostgreSQL store 0.42.0", rates.emmett],
    ['plain INSERTs, same table shape', rates.plain],
  ]);
}

/** Appends per second of each writer, over two rounds in mirrored order after a warm-up. */
async function measure<K extends string>(
  writers: Record<K, Writer>,
  streams: number,
  perStream: number,
): Promise<Record<K, number>> {
  const names = Object.keys(writers) as K[];
  const seconds = Object.fromEntries(names.map((name) => [name, 0])) as Record<K, number>;
  const run = (name: K, count: number) =>
    Promise.all(Array.from({ length: streams }, () => writers[name](`bench-${name}-${randomUUID()}`, count)));
  for (const name of names) await run(name, 20);
  for (const name of [...names, ...[...names].reverse()]) {
    const started = process.hrtime.bigint();
    await run(name, perStream);
    seconds[name] += Number(process.hrtime.bigint() - started) / 1e9;
  }
  return Object.fromEntries(names.map((name) => [name, (2 * streams * perStream) / seconds[name]])) as Record<
    K,
    number
  >;
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

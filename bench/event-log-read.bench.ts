import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { dumbo } from '@event-driven-io/dumbo';
import type { Event, RecordedMessageMetadataWithGlobalPosition } from '@event-driven-io/emmett';
import {
  getPostgreSQLEventStore,
  readMessagesBatch,
  type ReadMessagesBatchResult,
} from '@event-driven-io/emmett-postgresql';
import { PostgresEventStore, type NewEvent } from '@ehcp/event-store';
import { throughputRows, type BenchContext, type BenchResult } from './bench.types';
import { PAGE, scanLog, waitForWatermark } from './event-log.readers';

/** Events per append while seeding, and concurrent seeders: their transactions interleave global positions. */
const BATCH = 500;
const SEEDERS = 4;
const EXACTLY_ONCE = 'each event exactly once, in order';

type SeedEvent = NewEvent & { data: Record<string, string>; metadata: Record<string, string | number> };

/** What one read of the whole log delivered, in order: checked after the clock stops. */
interface Delivered {
  readonly count: number;
  /** Only for the stores: the baseline scan keeps nothing (collecting ids would slow the baseline). */
  readonly ids?: string[];
  /** Whether event `index` came after event `index - 1`, by the reader's own positions. */
  readonly ordered?: (index: number) => boolean;
}

/**
 * 1. Reading the whole log, warmed up: our PostgresEventStore.readAll (one call, no decryption) and
 * Emmett's readMessagesBatch loop against a plain keyset scan of es_events, all in pages of 500, over
 * the same events appended through each store by four concurrent writers. Every read of ours and of
 * Emmett's is checked to deliver each event exactly once, in strictly increasing positions: ours must
 * (the run fails otherwise); Emmett's outcome is noted.
 */
export async function benchEventLogRead(context: BenchContext): Promise<BenchResult[]> {
  const events = context.quick ? 20_000 : 200_000;
  const pool = new Pool({ connectionString: context.databaseUrl, max: SEEDERS + 2 });
  // Dropping the database on Ctrl-C ends idle connections: that must not crash the clean-up.
  pool.on('error', () => undefined);
  const store = await PostgresEventStore.create({ pool, pageSize: PAGE });
  const emmettPool = dumbo({ connectionString: context.databaseUrl });
  const emmett = getPostgreSQLEventStore(context.databaseUrl, { connectionOptions: { dumbo: emmettPool } });
  try {
    const seeding = Date.now();
    await seed(events, (stream, batch) =>
      store.appendToStream(stream, batch, { expectedRevision: 'no_stream' }),
    );
    await seed(events, (stream, batch) => emmett.appendToStream(stream, batch));
    await waitForWatermark(pool, context.log);
    await waitForEmmettWatermark(pool);
    await pool.query('vacuum analyze');
    context.note(
      `1 (read): ${events} events appended to each store, ${BATCH} per append by ${SEEDERS} concurrent writers, in ${((Date.now() - seeding) / 1000).toFixed(0)} s`,
    );

    const readers = {
      ours: async (): Promise<Delivered> => {
        const ids: string[] = [];
        const positions: string[] = [];
        for await (const event of store.readAll()) {
          ids.push(event.id);
          positions.push(event.position);
        }
        const ordered = (i: number) => store.comparePositions(positions[i - 1], positions[i]) < 0;
        return { count: ids.length, ids, ordered };
      },
      emmett: async (): Promise<Delivered> => {
        const ids: string[] = [];
        // Emmett orders its read by (transaction_id, global_position) and resumes after a global position.
        const positions: bigint[] = [];
        let options: { from: bigint; batchSize: number } | { after: bigint; batchSize: number } = {
          from: 0n,
          batchSize: PAGE,
        };
        for (;;) {
          const batch: ReadMessagesBatchResult<Event, RecordedMessageMetadataWithGlobalPosition> =
            await readMessagesBatch(emmettPool.execute, options);
          for (const message of batch.messages) {
            ids.push(message.metadata.messageId);
            positions.push(message.metadata.globalPosition);
          }
          if (!batch.areMessagesLeft) break;
          options = { after: batch.currentGlobalPosition, batchSize: PAGE };
        }
        return { count: ids.length, ids, ordered: (i) => positions[i - 1] < positions[i] };
      },
      plain: async (): Promise<Delivered> => {
        return { count: await scanLog(pool) };
      },
    };
    const verdicts = new Map<string, string>();
    const rates = await measure(readers, ['emmett'], events, (name, delivered) => {
      const verdict = exactlyOnce(delivered, events);
      if (verdict !== EXACTLY_ONCE && name !== 'emmett') throw new Error(`${name} read: ${verdict}`);
      verdicts.set(name, verdict);
    });
    context.note(
      `1 (read): our readAll delivered ${verdicts.get('ours')}; Emmett's read ${verdicts.get('emmett')}`,
    );
    const benchmark = `1. read the whole log (${events.toLocaleString('en-GB')} events, warmed up)`;
    return throughputRows(benchmark, 'events per second, PostgresEventStore.readAll', rates.ours, [
      [`plain keyset scan of es_events, pages of ${PAGE}`, rates.plain],
      [`Emmett 0.42.0 readMessagesBatch, pages of ${PAGE}, one read`, rates.emmett],
    ]);
  } finally {
    await store.close();
    await emmett.close();
    await emmettPool.close();
    await pool.end();
  }
}

/** `total` events in appends of BATCH to new streams, by SEEDERS writers at once. */
async function seed(
  total: number,
  append: (stream: string, batch: SeedEvent[]) => Promise<unknown>,
): Promise<void> {
  let remaining = total;
  await Promise.all(
    Array.from({ length: SEEDERS }, async () => {
      while (remaining > 0) {
        const size = Math.min(BATCH, remaining);
        remaining -= size;
        const batch = Array.from({ length: size }, (_, n) => ({
          id: randomUUID(),
          type: 'CaseworkerAssigned',
          data: { caseId: randomUUID(), assignedOn: '2026-01-05', caseworkerId: `cw-north-${n % 7}` },
          metadata: { userId: 'bench', correlationId: randomUUID(), schemaVersion: 1 },
        }));
        await append(`case-${randomUUID()}`, batch);
      }
    }),
  );
}

/** As waitForWatermark, for Emmett's table: its read also stops at the oldest running transaction. */
async function waitForEmmettWatermark(pool: Pool): Promise<void> {
  for (let tries = 0; tries < 600; tries += 1) {
    const { rows } = await pool.query<{ visible: boolean }>(
      `select pg_snapshot_xmin(pg_current_snapshot()) > (select max(transaction_id) from emt_messages) as visible`,
    );
    if (rows[0].visible) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("Emmett's seeded events stayed behind the transaction watermark");
}

/**
 * Events per second of each reader over two measured rounds in mirrored order, after a warm-up read;
 * `once` readers are read (and checked) once only: Emmett's paged read sorts the whole table per page,
 * so one read of the full log takes minutes.
 */
async function measure<K extends string>(
  readers: Record<K, () => Promise<Delivered>>,
  once: readonly string[],
  events: number,
  check: (name: K, delivered: Delivered) => void,
): Promise<Record<K, number>> {
  const names = Object.keys(readers) as K[];
  const repeated = names.filter((name) => !once.includes(name));
  const seconds = Object.fromEntries(names.map((name) => [name, 0])) as Record<K, number>;
  const reads = Object.fromEntries(names.map((name) => [name, 0])) as Record<K, number>;
  const timed = async (name: K) => {
    const started = process.hrtime.bigint();
    const delivered = await readers[name]();
    seconds[name] += Number(process.hrtime.bigint() - started) / 1e9;
    reads[name] += 1;
    check(name, delivered);
  };
  for (const name of repeated) check(name, await readers[name]());
  for (const name of [...repeated, ...[...repeated].reverse()]) await timed(name);
  for (const name of names.filter((n) => once.includes(n))) await timed(name);
  return Object.fromEntries(names.map((name) => [name, (reads[name] * events) / seconds[name]])) as Record<
    K,
    number
  >;
}

/** A verdict in words: the count, repeats and order of what a read delivered. */
function exactlyOnce({ count, ids, ordered }: Delivered, expected: number): string {
  const distinct = ids ? new Set(ids).size : count;
  let outOfOrder = 0;
  for (let i = 1; ordered && i < count; i += 1) if (!ordered(i)) outOfOrder += 1;
  if (count === expected && distinct === expected && outOfOrder === 0) return EXACTLY_ONCE;
  return `${count} events of ${expected}: ${expected - distinct} missing, ${count - distinct} repeated, ${outOfOrder} out of order`;
}

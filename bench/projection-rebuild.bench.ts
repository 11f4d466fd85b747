import { Logger } from '@nestjs/common';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { EncryptedEventStore, PersonalDataKeyRepository, PostgresEventStore } from '@ehcp/event-store';
import { migrateUnderLock, readModelsDataSourceOptions } from '@ehcp/read-models';
import { BatchApplier } from '../apps/projector/src/engine/batch.applier';
import { connectSqlClient } from '../apps/projector/src/engine/sql-client';
import { rebuildProjections } from '../apps/projector/src/rebuild/projections.rebuild';
import { BENCH_SECRETS } from './app-process.launcher';
import type { BenchContext, BenchResult } from './bench.types';
import { PAGE, readThroughStore, scanLog, waitForWatermark } from './event-log.readers';
import { seedEventLog } from './event-log.seeder';
import { TimedSqlClient } from './timed-sql.client';

/**
 * 3. `rebuildProjections` over a seeded log (read once through the encrypting store, fold and project
 * in memory, rows written in bulk at each flush, then indexes, catch-up and the swap), against the
 * floor of the same work: a plain keyset scan of the same rows, in the same order and page size, with
 * nothing done to them. A second figure isolates the read side: the rebuild's own read (one readAll:
 * watermark, stream filter, decryption with its key lookups).
 */
export async function benchProjectionRebuild(context: BenchContext): Promise<BenchResult[]> {
  const target = context.quick ? 50_000 : 1_000_000;
  const pool = new Pool({ connectionString: context.databaseUrl, max: 4 });
  // Dropping the database on Ctrl-C ends idle connections: that must not crash the clean-up.
  pool.on('error', () => undefined);
  const db = await connectSqlClient(context.databaseUrl, () => undefined);
  const flushDb = await connectSqlClient(context.databaseUrl, () => undefined);
  let inner: PostgresEventStore | undefined;
  Logger.overrideLogger(['warn', 'error']);
  try {
    await migrateReadModels(context.databaseUrl);
    inner = await PostgresEventStore.create({ pool });
    const store = new EncryptedEventStore(
      inner,
      await PersonalDataKeyRepository.create(pool, BENCH_SECRETS.DATA_MASTER_KEY),
    );
    const seeding = Date.now();
    const seeded = await seedEventLog(pool, target, BENCH_SECRETS.DATA_MASTER_KEY);
    await pool.query('vacuum analyze es_events');
    await waitForWatermark(pool, context.log);
    context.note(
      `3: seeded ${seeded.events} events of ${seeded.cases} synthetic cases straight into the store in ${since(seeding)} s`,
    );
    const plain = await perSecond(seeded.events, () => scanLog(pool));
    const read = await perSecond(seeded.events, () => readThroughStore(store));
    const timed = new TimedSqlClient(db);
    const timedFlushes = new TimedSqlClient(flushDb);
    const started = Date.now();
    // This process's CPU time: the JavaScript's share, less blurred than wall time by a busy machine.
    const cpu = process.cpuUsage();
    const rebuilt = await perSecond(seeded.events, async () => {
      const result = await rebuildProjections(timed, store, new BatchApplier('legal', store), {
        flushDb: timedFlushes,
      });
      return result.events;
    });
    context.note(
      `3: the rebuild took ${since(started)} s (${cpuSeconds(process.cpuUsage(cpu))} s of CPU in this process), ` +
        `${(timed.totalMs() / 1000).toFixed(0)} s of it in SQL on its own ` +
        `connection (slowest: ${timed.slowest(3).join('; ')}), and ${(timedFlushes.totalMs() / 1000).toFixed(0)} s ` +
        `on its second one (the replay's flushes beside the fold, then its share of the deadline comparison, indexes and analyses; slowest: ${timedFlushes.slowest(5).join('; ')})`,
    );
    context.log(
      `rebuild: ${rebuilt.toFixed(0)} events/s; store read ${read.toFixed(0)}/s; plain scan ${plain.toFixed(0)}/s`,
    );
    const benchmark = `3. projection rebuild (${seeded.events.toLocaleString('en-GB')} events)`;
    const row = (measure: string, value: number) => ({
      benchmark,
      measure,
      unit: '/s',
      value,
      baselineName: `plain keyset scan of es_events, pages of ${PAGE}`,
      baseline: plain,
      higherIsBetter: true,
    });
    return [
      row('rebuildProjections: events per second', rebuilt),
      row('store readAll only: events per second', read),
    ];
  } finally {
    await inner?.close();
    await flushDb.end();
    await db.end();
    await pool.end();
  }
}

async function migrateReadModels(url: string): Promise<void> {
  const dataSource = await new DataSource(readModelsDataSourceOptions(url)).initialize();
  try {
    await migrateUnderLock(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** Events per second of `work`, which must have gone through every one of the `expected` events. */
async function perSecond(expected: number, work: () => Promise<number>): Promise<number> {
  const started = process.hrtime.bigint();
  const count = await work();
  if (count !== expected) throw new Error(`read ${count} events, expected ${expected}`);
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

const cpuSeconds = ({ user, system }: NodeJS.CpuUsage) => ((user + system) / 1e6).toFixed(0);
const since = (started: number) => ((Date.now() - started) / 1000).toFixed(0);

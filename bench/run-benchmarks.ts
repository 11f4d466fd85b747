import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { loadConfigOrExit } from '@ehcp/config';
import { benchAppMemory } from './app-memory.bench';
import { killAllApps } from './app-process.launcher';
import type { BenchContext, BenchResult } from './bench.types';
import { row, writeReport } from './benchmark-report.writer';
import { benchEventLogRead } from './event-log-read.bench';
import { benchEventStoreAppends } from './event-store-append.bench';
import { benchHttpCommands } from './http-command.bench';
import { startPrivateRedis, type PrivateRedis } from './private-redis.server';
import { benchProjectionRebuild } from './projection-rebuild.bench';
import { benchQueryLatency } from './query-latency.bench';
import { benchReadModelLag } from './read-model-lag.bench';
import { benchWebPages } from './web-page.bench';

// `npm run bench [-- --quick]`: every figure beside its baseline, measured in the same run, printed as one
// table and written to docs/benchmarks.md. Not part of CI: figures, not assertions.

type Benchmark = (context: BenchContext) => Promise<BenchResult[]>;

/**
 * Each benchmark under the number its rows carry (`--only 1` runs both of the event store's), in the order
 * they run: app memory (6) reports the peaks of the apps that ran before it, so it comes last.
 */
const BENCHMARKS: readonly (readonly [number, Benchmark])[] = [
  [1, benchEventStoreAppends],
  [1, benchEventLogRead],
  [2, benchHttpCommands],
  [3, benchProjectionRebuild],
  [4, benchReadModelLag],
  [5, benchQueryLatency],
  [7, benchWebPages],
  [6, benchAppMemory],
];

const config = loadConfigOrExit();
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    // `--only 3 --only 6`: just those benchmarks, printed but not written to docs/benchmarks.md.
    only: { type: 'string', multiple: true, default: [] },
    // `--only 7 --cases 5000`: benchmark 7 seeds these case counts instead of its own.
    cases: { type: 'string', multiple: true, default: [] },
  },
});
const selected = (
  args.only.length === 0 ? BENCHMARKS : BENCHMARKS.filter(([number]) => args.only.includes(String(number)))
).map(([, benchmark]) => benchmark);
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** Whatever happens (a failure, Ctrl-C), the apps die and the throwaway databases and Redis go. */
const cleanups = new Set<() => Promise<void> | void>();

async function cleanUp(): Promise<void> {
  killAllApps();
  for (const cleanup of [...cleanups].reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  cleanups.clear();
}

async function main(): Promise<void> {
  const quick = args.quick ?? false;
  const cases = args.cases.length === 0 ? undefined : args.cases.map(caseCount);
  const redis = await privateRedis();
  const started = Date.now();
  const load = loadavg()[0];
  const results: BenchResult[] = [];
  const timings: string[] = [];
  const notes: string[] = [];
  const note = (message: string) => {
    log(message);
    notes.push(message);
  };
  try {
    for (const benchmark of selected) {
      const database = await createDatabase();
      cleanups.add(database.drop);
      const context: BenchContext = { quick, databaseUrl: database.url, redisUrl: redis, cases, log, note };
      const began = Date.now();
      results.push(...(await benchmark(context)));
      timings.push(`${benchmark.name} ${((Date.now() - began) / 1000).toFixed(0)} s`);
      log(timings[timings.length - 1]);
      cleanups.delete(database.drop);
      await database.drop();
      await database.settle();
    }
  } finally {
    await cleanUp();
  }
  const seconds = (Date.now() - started) / 1000;
  console.table(results.map(row));
  if (selected.length !== BENCHMARKS.length || cases) return;
  const run = {
    quick,
    seconds,
    timings,
    notes,
    load: [load, loadavg()[0]],
    databaseUrl: config.DATABASE_URL,
    redisUrl: config.REDIS_URL,
  };
  await writeReport(join(__dirname, '..', '..', 'docs', 'benchmarks.md'), results, run);
  console.log(`\n${quick ? 'quick' : 'full'} run in ${seconds.toFixed(0)} s; written to docs/benchmarks.md`);
}

/** `--cases 5000` or `--cases 5_000`: a whole number of cases, at least one. */
function caseCount(text: string): number {
  const count = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(count) || count < 1) throw new Error(`--cases ${text}: give a whole number of cases`);
  return count;
}

let ownRedis: PrivateRedis | undefined;

/** The run's own Redis when redis-server is installed; else the configured one. */
async function privateRedis(): Promise<string> {
  ownRedis = await startPrivateRedis();
  if (!ownRedis) {
    log(`redis-server not found: the notifier uses ${config.REDIS_URL}`);
    return config.REDIS_URL;
  }
  cleanups.add(ownRedis.stop);
  return ownRedis.url;
}

async function createDatabase(): Promise<{
  url: string;
  drop: () => Promise<void>;
  settle: () => Promise<void>;
}> {
  const admin = new URL(config.DATABASE_URL);
  admin.pathname = '/postgres';
  const name = `ehcp_bench_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const run = async (sql: string) => {
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await run(`create database "${name}"`);
  const url = new URL(config.DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => run(`drop database if exists "${name}" with (force)`),
    // The dirty pages a benchmark leaves (a 1M-event rebuild's, say) are written now, by a checkpoint,
    // not by the background writer during the next benchmark's timings.
    settle: () => run('checkpoint'),
  };
}

let stopping = false;

/** Ctrl-C, SIGTERM or a stray rejection: clean up once, then exit with a failure. */
function stop(reason: string): void {
  if (stopping) return;
  stopping = true;
  log(`${reason}: stopping the apps, dropping the databases`);
  void cleanUp().finally(() => process.exit(1));
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop(signal));
process.on('unhandledRejection', (error) => {
  if (!stopping) console.error(error);
  stop('unhandled rejection');
});
// The last resort on any other way out: no process of the run outlives it.
process.once('exit', () => {
  killAllApps();
  ownRedis?.stop();
});

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

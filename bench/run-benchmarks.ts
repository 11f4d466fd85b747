import { writeFileSync } from 'node:fs';
import { cpus, totalmem, release, platform } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Redis from 'ioredis';
import { Client } from 'pg';
import { loadConfigOrExit } from '@ehcp/config';
import { type BenchContext, type BenchResult, ratioOf } from './bench.types';
import { benchEventStoreAppends } from './event-store-append.bench';

// `npm run bench [-- --quick]`: every figure beside its baseline, measured in the same run, printed as one
// table and written to docs/benchmarks.md. Not part of CI: figures, not assertions.

const BENCHMARKS: ((context: BenchContext) => Promise<BenchResult[]>)[] = [benchEventStoreAppends];

const config = loadConfigOrExit();
const { values: args } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });

async function main(): Promise<void> {
  const database = await createDatabase();
  const context: BenchContext = {
    quick: args.quick ?? false,
    databaseUrl: database.url,
    redisUrl: config.REDIS_URL,
    log: (message) => process.stderr.write(`[bench] ${message}\n`),
  };
  const started = Date.now();
  const results: BenchResult[] = [];
  try {
    for (const benchmark of BENCHMARKS) results.push(...(await benchmark(context)));
  } finally {
    await database.drop();
  }
  const seconds = (Date.now() - started) / 1000;
  console.table(results.map(row));
  const report = await markdown(results, context.quick, seconds);
  writeFileSync(join(__dirname, '..', '..', 'docs', 'benchmarks.md'), report);
  console.log(
    `\n${context.quick ? 'quick' : 'full'} run in ${seconds.toFixed(0)} s; written to docs/benchmarks.md`,
  );
}

function format(value: number, unit: string): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`.trim();
}

function row(result: BenchResult) {
  return {
    benchmark: result.benchmark,
    measure: result.measure,
    ours: format(result.value, result.unit),
    baseline: `${format(result.baseline, result.unit)} (${result.baselineName})`,
    ratio: ratioOf(result).toFixed(2),
  };
}

async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new URL(config.DATABASE_URL);
  admin.pathname = '/postgres';
  const name = `ehcp_bench_${Date.now()}`;
  const run = async (sql: string) => {
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await run(`create database "${name}"`);
  const url = new URL(config.DATABASE_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists "${name}" with (force)`) };
}

async function machine(): Promise<string[]> {
  const client = new Client({ connectionString: config.DATABASE_URL });
  await client.connect();
  const pg = (await client.query<{ server_version: string }>('show server_version')).rows[0].server_version;
  await client.end();
  const redis = new Redis(config.REDIS_URL, { lazyConnect: true });
  const info = await redis.info('server');
  redis.disconnect();
  return [
    `- CPU: ${cpus()[0]?.model ?? 'unknown'} x ${cpus().length}; memory ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
    `- OS: ${platform()} ${release()}; Node.js ${process.version}`,
    `- PostgreSQL ${pg}; Redis ${/redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown'}`,
  ];
}

async function markdown(results: BenchResult[], quick: boolean, seconds: number): Promise<string> {
  const lines = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench${quick ? ' -- --quick' : ''}\` on ${new Date().toISOString().slice(0, 10)} ` +
      `(${quick ? 'quick' : 'full'} mode, ${seconds.toFixed(0)} s). Each figure is measured beside its baseline ` +
      'in the same run; the ratio is ours / baseline (for throughput higher is better, for latency and memory lower).',
    '',
    '## Machine',
    ...(await machine()),
    '',
    '## Results',
    '',
    '| benchmark | measure | ours | baseline | ratio |',
    '|---|---|---|---|---|',
    ...results.map((r) => {
      const x = row(r);
      return `| ${x.benchmark} | ${x.measure} | ${x.ours} | ${x.baseline} | ${x.ratio} |`;
    }),
    '',
    '## Reproduce',
    '',
    '```sh',
    'npm install && npm run bench            # full run',
    'npm install && npm run bench -- --quick # under two minutes',
    '```',
    '',
    "The run uses a throwaway database on `DATABASE_URL`'s server and drops it afterwards.",
    '',
  ];
  return lines.join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { dirname } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { format as prettier, resolveConfig } from 'prettier';
import { judge } from './bench.targets';
import { type BenchResult, ratioOf } from './bench.types';

export interface RunFacts {
  readonly quick: boolean;
  readonly seconds: number;
  readonly timings: readonly string[];
  readonly notes: readonly string[];
  /** One-minute load average at the start and at the end: other work on the machine shows here. */
  readonly load: readonly number[];
  readonly databaseUrl: string;
  readonly redisUrl: string;
}

/** What each figure compares, so a reader can judge the ratio without reading the code. */
const METHOD = [
  '1. Single-event appends on 16 concurrent streams and with one writer: `PostgresEventStore.appendToStream`',
  '   (one autocommit statement: revision read from the primary key, insert at the next one, the primary key',
  '   catching a concurrent appender; a single event as plain SQL, es_append for what that does not write;',
  '   NOTIFY inside it when the append is alone, else coalesced NOTIFYs after the commits, 2 ms apart)',
  "   against Emmett's PostgreSQL event store 0.42.0 and plain INSERTs into a table of the same shape and",
  '   indexes; pools of equal size, a warm-up, two rounds in mirrored order. The read: 200,000 events appended',
  '   through each store (500 per append, 4 writers), then one `readAll` of the whole log, a plain keyset scan',
  "   and Emmett's `readMessagesBatch`, pages of 500, each read checked for every event exactly once in",
  '   increasing positions.',
  '2. Two real commands over HTTP at fixed concurrency (autocannon in the benchmark process, a warm-up',
  '   first): `POST /cases` opens a case (and its personal-data key), `POST /cases/{id}/caseworker`',
  '   assigns one of 1,000 cases the same api opened, so it decides on the state it kept',
  '   (`COMMAND_STATE_CACHE_CASES`) without reading the stream; a case the process has not seen costs one',
  '   more round trip. Baseline: `GET /health/live` of the same server, the HTTP',
  "   stack's floor. Latencies are each response's own timing, not autocannon's whole-millisecond histogram.",
  '3. `rebuildProjections` (one read of the log through the encrypting store, a page read ahead; fold and',
  '   project through a bounded in-memory working set of cases, written to the shadow tables in bulk flushes;',
  '   then indexes and the swap) over synthetic case histories written straight into the store',
  '   tables (personal data encrypted with per-case keys, 1 case in 17 erased), consecutive events from',
  '   different cases. Baseline: a plain keyset scan of the same rows in the same order and page size.',
  "   The second row is the rebuild's read side alone (watermark query, stream filter, decryption). The",
  '   store only reads past transactions older than the oldest one running on the whole PostgreSQL server,',
  '   so the benchmark first waits until no open transaction elsewhere hides the seeded rows.',
  '4. api, projector and notifier as child processes; new cases at a fixed rate (open loop). After each',
  '   201: the time until `GET /cases/{id}?minPosition=` answers (what a client waits) and until the',
  "   projector's row is committed (the benchmark polls `case_summary` every 2 ms). Baseline: the same",
  '   `GET /cases/{id}` once the case is visible: the read with nothing to wait for. Any transaction left',
  '   open elsewhere on the server holds the projector back too, so p99 reflects the shared machine.',
  '5. Read models seeded with `generate_series` (4 teams, requests over two years, 22% refused, 8% not',
  '   issued, half of the plans within 20 weeks, 5% exceptions, about 4.5 deadlines per case, some',
  '   overdue), then one request at a time as a manager of all four teams. Baseline: `select count(*)`',
  '   of the table the query reads: below it, the query uses its index; near it, it reads the table.',
  '6. VmHWM from `/proc/<pid>/status` of each app just before it was stopped (max over the benchmarks',
  '   that ran it, the web app in 7). Baseline: a bare `node` process that only waits, read the same way.',
  '7. The built web app (`apps/web`) against the api over the read models seeded as in 5 (one real case',
  '   opened through the api and projected, for the case page, which reads its events too), signed in as a',
  '   manager of all four teams through the development sign-in (the web app alone runs with',
  '   `NODE_ENV=development`, which allows it: plain-HTTP session cookie, no identity provider). One request',
  '   at a time after a warm-up: the work tray, a case page and the timeliness dashboard, each through the',
  "   session in Redis, the api's queries and Nunjucks. Baseline: `GET /health/live` of the same web app.",
  '   The issue asks for p95 under 300 ms at 600,000 cases.',
];

function format(value: number, unit: string): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`.trim();
}

/** One printable row: our figure, the baseline with its name, the ratio, and issue 18's target if it has one. */
export function row(result: BenchResult) {
  const judged = judge(result);
  return {
    benchmark: result.benchmark,
    measure: result.measure,
    ours: format(result.value, result.unit),
    baseline: `${format(result.baseline, result.unit)} (${result.baselineName})`,
    ratio: ratioOf(result).toFixed(2),
    target: judged?.target ?? '',
    met: judged === undefined ? '' : judged.met ? 'yes' : 'no',
  };
}

/** Writes the report as the repository's prettier would (`npm run lint` checks docs too). */
export async function writeReport(path: string, results: BenchResult[], run: RunFacts): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const options = { ...(await resolveConfig(path)), parser: 'markdown' };
  writeFileSync(path, await prettier(await markdown(results, run), options));
}

async function machine(run: RunFacts): Promise<string[]> {
  const client = new Client({ connectionString: run.databaseUrl });
  await client.connect();
  const pg = (await client.query<{ server_version: string }>('show server_version')).rows[0].server_version;
  await client.end();
  const redis = new Redis(run.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0 });
  redis.on('error', () => undefined);
  const info = await redis.info('server').catch(() => '');
  redis.disconnect();
  return [
    `- CPU: ${cpus()[0]?.model ?? 'unknown'} x ${cpus().length}; memory ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
    `- OS: ${platform()} ${release()}; Node.js ${process.version}`,
    `- PostgreSQL ${pg}; Redis ${/redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown'}`,
    `- Load average (1 min) ${run.load.map((value) => value.toFixed(2)).join(' at the start, ')} at the end; ` +
      'the machine is shared, so other work may have run beside the benchmark',
    `- Time per benchmark: ${run.timings.join(', ')}`,
  ];
}

/** The rows that missed their target, named once more under the table: what is left to do. */
function missed(results: BenchResult[]): string[] {
  const misses = results.filter((result) => judge(result)?.met === false);
  if (misses.length === 0) return ['Every row with a target met it in this run.', ''];
  return [
    `${misses.length} of ${results.filter((result) => judge(result)).length} rows with a target missed it in this run:`,
    '',
    ...misses.map(
      (result) =>
        `- ${result.benchmark}, ${result.measure}: ${row(result).ours}, target ${judge(result)!.target}`,
    ),
    '',
  ];
}

async function markdown(results: BenchResult[], run: RunFacts): Promise<string> {
  const { quick, seconds } = run;
  const lines = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench${quick ? ' -- --quick' : ''}\` on ${new Date().toISOString().slice(0, 10)} ` +
      `(${quick ? 'quick' : 'full'} mode, ${seconds.toFixed(0)} s). Each figure is measured beside its baseline ` +
      'in the same run; the ratio is ours / baseline (for throughput higher is better, for latency and memory lower). ' +
      "The target is issue 18's bar for the row, on the ratio or on the figure itself; the rows that missed it follow the table.",
    '',
    '## Machine',
    ...(await machine(run)),
    '',
    '## Results',
    '',
    '| benchmark | measure | ours | baseline | ratio | target | met |',
    '|---|---|---|---|---|---|---|',
    ...results.map((r) => {
      const x = row(r);
      return `| ${x.benchmark} | ${x.measure} | ${x.ours} | ${x.baseline} | ${x.ratio} | ${x.target} | ${x.met} |`;
    }),
    '',
    ...missed(results),
    '',
    '## Notes from this run',
    '',
    ...run.notes.map((note) => `- ${note}`),
    '',
    '## Method',
    '',
    ...METHOD,
    '',
    '## Reproduce',
    '',
    '```sh',
    'npm install && npm run bench            # full run',
    'npm install && npm run bench -- --quick # under two minutes',
    'npm run bench -- --quick --only 3       # some benchmarks only; printed, not written here',
    'npm run bench -- --only 7 --cases 5000  # the web pages at 5,000 cases; printed, not written here',
    '```',
    '',
    "Each benchmark gets a throwaway database on `DATABASE_URL`'s server, dropped afterwards (also on failure",
    'or Ctrl-C), and the run starts its own `redis-server` when one is installed. The apps run from `dist` as',
    'child processes with `NODE_ENV=production`, `LOG_LEVEL=warn` and no rate limit. Not run in CI.',
    '',
  ];
  return lines.join('\n');
}

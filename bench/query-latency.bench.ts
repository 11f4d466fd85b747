import { performance } from 'node:perf_hooks';
import { isOpenSql } from '@ehcp/read-models';
import { Client } from 'pg';
import { benchToken, startApp } from './app-process.launcher';
import type { BenchContext, BenchResult } from './bench.types';
import { loadResult, measureLoad, type LoadResult } from './http-load.driver';
import { seedReadModels } from './read-model.seeder';

const TEAMS = ['north', 'south', 'east', 'west'];
const QUERIES = [
  { name: 'GET /timeliness/sen2 (last 12 months)', path: '/timeliness/sen2', table: 'case_summary' },
  {
    name: 'GET /timeliness/dashboard (last 12 months)',
    path: '/timeliness/dashboard',
    table: 'case_summary',
  },
  { name: 'GET /deadlines?status=overdue', path: '/deadlines?status=overdue', table: 'case_deadline' },
  { name: 'GET /cases (work tray, page 1)', path: '/cases', table: 'case_summary' },
  // The filters the tray offers: each page is an index-ordered scan, each total a sum of a few counts.
  {
    name: 'GET /cases?team=north&stage=drafting (page 1)',
    path: '/cases?team=north&stage=drafting',
    table: 'case_summary',
  },
  {
    name: 'GET /cases?caseworkerId=cw-east-3 (page 1)',
    path: '/cases?caseworkerId=cw-east-3',
    table: 'case_summary',
  },
] as const;

/**
 * 5. The managers' queries over seeded read models, one request at a time (pure latency, no queueing),
 * as a service manager who sees all four teams. Baseline: `select count(*)` of the table the query
 * reads, from the same database: the cost of touching every row once. A query that uses its index
 * well stays far below it; one that reads the whole table comes close, and grows with it.
 */
export async function benchQueryLatency(context: BenchContext): Promise<BenchResult[]> {
  const sizes = context.quick ? [100_000] : [100_000, 600_000];
  const seconds = context.quick ? 2 : 6;
  const api = await startApp('api', context); // migrates the read models
  const db = new Client({ connectionString: context.databaseUrl });
  // Dropping the database on Ctrl-C ends idle connections: that must not crash the clean-up.
  db.on('error', () => undefined);
  await db.connect();
  try {
    const headers = { authorization: `Bearer ${await benchToken(['manager'], TEAMS)}` };
    const results: BenchResult[] = [];
    let seeded = 0;
    for (const size of sizes) {
      const began = Date.now();
      await seedReadModels(db, seeded + 1, size);
      seeded = size;
      context.note(`5: seeded ${await describe(db)} in ${((Date.now() - began) / 1000).toFixed(0)} s`);
      const counts = new Map<string, LoadResult>();
      for (const table of new Set(QUERIES.map((query) => query.table)))
        counts.set(table, await measureSql(db, `select count(*) from ${table}`, seconds));
      for (const query of QUERIES) {
        const ours = await measureLoad({
          origin: api.url,
          connections: 1,
          seconds,
          headers,
          path: () => query.path,
        });
        results.push(...latencyRows(size, query.name, ours, query.table, counts.get(query.table)!));
      }
    }
    return results;
  } finally {
    await api.stop();
    await db.end();
  }
}

function latencyRows(
  size: number,
  name: string,
  ours: LoadResult,
  table: string,
  baseline: LoadResult,
): BenchResult[] {
  return (['p50', 'p99'] as const).map((p) => ({
    benchmark: `5. queries at ${size.toLocaleString('en-GB')} cases`,
    measure: `${name}: ${p}`,
    unit: 'ms',
    value: ours[p],
    baselineName: `select count(*) from ${table}`,
    baseline: baseline[p],
    higherIsBetter: false,
  }));
}

/** The same statement back to back for `seconds` (after a one-second warm-up): its latencies. */
async function measureSql(db: Client, sql: string, seconds: number): Promise<LoadResult> {
  const run = async (ms: number) => {
    const latencies: number[] = [];
    const end = performance.now() + ms;
    while (performance.now() < end) {
      const started = performance.now();
      await db.query(sql);
      latencies.push(performance.now() - started);
    }
    return latencies;
  };
  await run(1000);
  const latencies = await run(seconds * 1000);
  return loadResult([{ latencies, perSecond: latencies.length / seconds }]);
}

/** What the queries face, for the log. */
async function describe(db: Client): Promise<string> {
  const { rows } = await db.query<Record<string, number>>(
    `select (select count(*) from case_summary)::int as cases,
            (select count(*) from case_deadline)::int as deadlines,
            (select count(*) from case_deadline where ${isOpenSql()} and due_on < current_date)::int as overdue,
            (select count(*) from case_summary where first_final_plan_issued_on > current_date - 365)::int as plans`,
  );
  const { cases, deadlines, overdue, plans } = rows[0];
  return `${cases} cases, ${deadlines} deadlines (${overdue} overdue), ${plans} plans issued in the last year`;
}

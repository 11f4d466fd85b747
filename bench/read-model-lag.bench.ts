import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { benchToken, startApps } from './app-process.launcher';
import { type BenchContext, type BenchResult, percentile } from './bench.types';
import { daysAgo } from './http-load.driver';

const RATE = 20;
/** How often the bench itself looks for the projected row: finer than the api's own wait (10-100 ms). */
const ROW_POLL_MS = 2;
const BASELINE = 'the same GET /cases/{id} once visible, no wait';

interface Sample {
  /** Command response -> GET ?minPosition= answered 200 (the api waits for the checkpoint). */
  readonly viaApi: number;
  /** Command response -> case_summary row committed by the projector, seen by polling the table. */
  readonly viaRow: number;
  /** The same GET without minPosition, once the case is visible: the round trip with nothing to wait for. */
  readonly plain: number;
  readonly command: number;
}

/**
 * 4. Read-your-writes lag with api, projector and notifier running as in production: new cases at a
 * fixed rate; after each 201, how long until the read models show it, as a client sees it (GET with
 * minPosition) and as the table sees it (the projector's commit), and the gap between the two (the
 * wait's own cost: a poll interval, or the projector's NOTIFY). Baseline: the same GET once the case
 * is visible, i.e. what the read costs when there is nothing to wait for.
 */
export async function benchReadModelLag(context: BenchContext): Promise<BenchResult[]> {
  const count = (context.quick ? 5 : 30) * RATE;
  const apps = await startApps(['api', 'projector', 'notifier'], context);
  const pool = new Pool({ connectionString: context.databaseUrl, max: 4 });
  // Dropping the database on Ctrl-C ends idle connections: that must not crash the clean-up.
  pool.on('error', () => undefined);
  try {
    const api = apps[0].url;
    const headers = {
      authorization: `Bearer ${await benchToken(['caseworker'], ['north'])}`,
      'content-type': 'application/json',
    };
    await paced(RATE, RATE, () => follow(api, headers, pool)); // warm-up, not measured
    const samples = await paced(RATE, count, () => follow(api, headers, pool));
    const command = (p: number) =>
      percentile(
        samples.map((s) => s.command),
        p,
      ).toFixed(1);
    context.note(
      `4: ${samples.length} commands at ${RATE}/s; the POST /cases itself took p50 ${command(50)} ms, p99 ${command(99)} ms`,
    );
    return rows(samples);
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
    await pool.end();
  }
}

function rows(samples: readonly Sample[]): BenchResult[] {
  const benchmark = `4. read-model lag (${RATE} new cases/s)`;
  const plain = samples.map((s) => s.plain);
  return (
    [
      ['command response → GET ?minPosition= answered', samples.map((s) => s.viaApi)],
      ['command response → read-model row committed', samples.map((s) => s.viaRow)],
      // The wait's own cost: how long after the projector's commit the api lets the client through.
      ['read-model row committed → GET ?minPosition= answered', samples.map((s) => s.viaApi - s.viaRow)],
    ] as const
  ).flatMap(([what, values]) =>
    [50, 99].map((p) => ({
      benchmark,
      measure: `${what}: p${p}`,
      unit: 'ms',
      value: percentile(values, p),
      baselineName: BASELINE,
      baseline: percentile(plain, p),
      higherIsBetter: false,
    })),
  );
}

/** Starts `count` runs of `work`, `rate` per second, without waiting for earlier ones (an open loop). */
async function paced<T>(rate: number, count: number, work: () => Promise<T>): Promise<T[]> {
  const started = performance.now();
  const running: Promise<T>[] = [];
  for (let index = 0; index < count; index += 1) {
    const wait = started + (index * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const run = work();
    run.catch(() => undefined); // reported by Promise.all below, not as an unhandled rejection meanwhile
    running.push(run);
  }
  return Promise.all(running);
}

async function follow(api: string, headers: Record<string, string>, pool: Pool): Promise<Sample> {
  const caseId = randomUUID();
  const sent = performance.now();
  const created = await json(
    fetch(`${api}/cases`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        caseId,
        team: 'north',
        requestReceivedOn: daysAgo(10),
        requestedBy: 'school',
        child: { firstName: 'Sam', lastName: 'Example', dateOfBirth: '2015-09-01' },
      }),
    }),
    201,
  );
  const answered = performance.now();
  const position = String((created as { position: string }).position);
  const [viaApi, viaRow] = await Promise.all([
    json(fetch(`${api}/cases/${caseId}?minPosition=${position}`, { headers }), 200).then(() =>
      performance.now(),
    ),
    rowVisible(pool, caseId),
  ]);
  const before = performance.now();
  await json(fetch(`${api}/cases/${caseId}`, { headers }), 200);
  return {
    viaApi: viaApi - answered,
    viaRow: viaRow - answered,
    plain: performance.now() - before,
    command: answered - sent,
  };
}

async function rowVisible(pool: Pool, caseId: string, timeoutMs = 10_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const { rowCount } = await pool.query('select 1 from case_summary where case_id = $1', [caseId]);
    if (rowCount) return performance.now();
    await new Promise((resolve) => setTimeout(resolve, ROW_POLL_MS));
  }
  throw new Error(`case ${caseId} not projected within ${timeoutMs} ms: is the projector running?`);
}

async function json(request: Promise<Response>, status: number): Promise<unknown> {
  const response = await request;
  const body = (await response.json()) as unknown;
  if (response.status !== status)
    throw new Error(`${response.url} answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

import autocannon from 'autocannon';
import { type BenchResult, percentile } from './bench.types';

export interface LoadOptions {
  /** Origin of the server, e.g. http://127.0.0.1:3000. */
  readonly origin: string;
  readonly connections: number;
  readonly seconds: number;
  readonly method?: 'GET' | 'POST';
  readonly headers?: Record<string, string>;
  /** Called for every request, so each can go to another case or carry another body. */
  readonly path: () => string;
  readonly body?: () => string;
}

export interface LoadResult {
  /** 2xx responses per second (the median run's, when measured in turns). */
  readonly perSecond: number;
  /** Milliseconds, from every 2xx response's own timing (autocannon's histogram keeps whole ms only). */
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly requests: number;
  /** Responses per second of each measured run (one unless measured in turns). */
  readonly rounds: readonly number[];
}

/** Failed requests tolerated before the figure is refused (a 409 after the runner's retries, say). */
const MAX_FAILED_SHARE = 0.005;

/** The 2xx latencies of one run and its 2xx responses per second. */
export interface Run {
  readonly latencies: number[];
  readonly perSecond: number;
}

/** A short warm-up (JIT, pools, caches), then the measured run at fixed concurrency. */
export async function measureLoad(options: LoadOptions): Promise<LoadResult> {
  await drive({ ...options, seconds: Math.min(2, options.seconds) });
  return loadResult([await drive(options)]);
}

/**
 * Several loads measured in turns: each warmed up once, then `rounds` runs of each in rotation, sharing
 * its `seconds` between them. On a shared machine, whatever else runs slows every load of a round alike,
 * so a ratio between them holds better than between runs a minute apart. Throughput is the median of a
 * load's rounds; latency percentiles are over all its rounds' responses together.
 */
export async function measureInTurns<Name extends string>(
  loads: Record<Name, LoadOptions>,
  rounds: number,
): Promise<Record<Name, LoadResult>> {
  const names = Object.keys(loads) as Name[];
  const runs = new Map<Name, Run[]>(names.map((name) => [name, []]));
  for (const name of names) await drive({ ...loads[name], seconds: Math.min(2, loads[name].seconds) });
  for (let round = 0; round < rounds; round += 1)
    for (const name of names)
      runs.get(name)?.push(await drive({ ...loads[name], seconds: loads[name].seconds / rounds }));
  return Object.fromEntries(names.map((name) => [name, loadResult(runs.get(name) ?? [])])) as Record<
    Name,
    LoadResult
  >;
}

/** The figures of one load over its runs. */
export function loadResult(runs: readonly Run[]): LoadResult {
  const latencies = runs.flatMap((run) => run.latencies);
  const rates = runs.map((run) => run.perSecond);
  return {
    perSecond: percentile(rates, 50),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: latencies.length,
    rounds: rates,
  };
}

async function drive(options: LoadOptions): Promise<Run> {
  const latencies: number[] = [];
  let failed = 0;
  const started = process.hrtime.bigint();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.origin,
        connections: options.connections,
        duration: options.seconds,
        requests: [
          {
            method: options.method ?? 'GET',
            headers: options.headers,
            setupRequest: (request) => ({ ...request, path: options.path(), body: options.body?.() }),
          },
        ],
      },
      (error, done) => (error ? reject(error as Error) : resolve(done)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latencies.push(ms);
      else failed += 1;
    });
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  failed += result.errors; // connection errors, timeouts included
  if (failed > MAX_FAILED_SHARE * (latencies.length + failed))
    throw new Error(
      `${options.method ?? 'GET'} ${options.path()}: ${failed} of ${latencies.length + failed} requests failed ` +
        JSON.stringify(result.statusCodeStats),
    );
  return { latencies, perSecond: latencies.length / seconds };
}

/** Throughput, p50 and p99 of `ours` beside the same figures of `baseline`, as three result rows. */
export function loadRows(
  benchmark: string,
  what: string,
  ours: LoadResult,
  baselineName: string,
  baseline: LoadResult,
): BenchResult[] {
  const row = (measure: string, unit: string, value: number, base: number, higherIsBetter: boolean) => ({
    benchmark,
    measure: `${what}: ${measure}`,
    unit,
    value,
    baselineName,
    baseline: base,
    higherIsBetter,
  });
  return [
    row('requests per second', '/s', ours.perSecond, baseline.perSecond, true),
    row('p50 latency', 'ms', ours.p50, baseline.p50, false),
    row('p99 latency', 'ms', ours.p99, baseline.p99, false),
  ];
}

/** A calendar date `days` before today (UTC; two or more days back is in the past in London too). */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

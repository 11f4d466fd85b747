/** One measured figure beside its baseline, measured in the same run. */
export interface BenchResult {
  readonly benchmark: string;
  readonly measure: string;
  readonly unit: string;
  readonly value: number;
  readonly baselineName: string;
  readonly baseline: number;
  /** True when larger is better (throughput); false for latency and memory. */
  readonly higherIsBetter: boolean;
}

export interface BenchContext {
  readonly quick: boolean;
  /** A throwaway database for this benchmark. */
  readonly databaseUrl: string;
  readonly redisUrl: string;
  /** `--cases 5000`: the case counts benchmark 7 seeds instead of its own (a short proof run). */
  readonly cases?: readonly number[];
  readonly log: (message: string) => void;
  /** A fact worth keeping beside the figures (dataset sizes, where the time went): logged and written to the report. */
  readonly note: (message: string) => void;
}

/** One throughput of ours beside each of several baselines, measured in the same run: a row each. */
export function throughputRows(
  benchmark: string,
  measure: string,
  ours: number,
  baselines: readonly (readonly [name: string, perSecond: number])[],
): BenchResult[] {
  return baselines.map(([baselineName, baseline]) => ({
    benchmark,
    measure,
    unit: '/s',
    value: ours,
    baselineName,
    baseline,
    higherIsBetter: true,
  }));
}

/** value / baseline, e.g. 0.42 = our store reaches 42% of plain INSERTs. */
export function ratioOf(result: BenchResult): number {
  return result.baseline === 0 ? Number.NaN : result.value / result.baseline;
}

/** p-th percentile (0..100) of unsorted samples, nearest-rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

import { type BenchResult, ratioOf } from './bench.types';

/**
 * Issue 18's targets, one place: each names the rows it judges (benchmark, measure and baseline, as the
 * benchmarks name them) and the bar, either on the ratio to the row's baseline or on the figure itself.
 */
interface Target {
  readonly benchmark: RegExp;
  readonly measure: RegExp;
  readonly baseline?: RegExp;
  /** The ratio ours / baseline must reach this (throughput). */
  readonly minRatio?: number;
  /** The figure itself must stay under this, in the row's unit (latency, memory). */
  readonly below?: number;
}

const TARGETS: readonly Target[] = [
  { benchmark: /^1\. .*16 streams/, measure: /per second/, baseline: /Emmett/, minRatio: 1.0 },
  { benchmark: /^1\. .*16 streams/, measure: /per second/, baseline: /plain/i, minRatio: 0.6 },
  { benchmark: /^1\. .*1 writer/, measure: /per second/, baseline: /Emmett/, minRatio: 1.0 },
  { benchmark: /read the whole log/, measure: /per second/, baseline: /plain/i, minRatio: 0.9 },
  { benchmark: /^3\. projection rebuild/, measure: /^rebuildProjections/, minRatio: 0.2 },
  { benchmark: /^2\. HTTP commands/, measure: /requests per second/, minRatio: 0.4 },
  { benchmark: /^2\. HTTP commands/, measure: /p99 latency/, below: 50 },
  { benchmark: /^4\. read-model lag/, measure: /^command response → GET \?minPosition=.*p99/, below: 50 },
  { benchmark: /^5\. queries at 600,000/, measure: /work tray.*p99/, below: 50 },
  { benchmark: /^7\. web pages at 600,000/, measure: /p95/, below: 300 },
  { benchmark: /^6\. peak resident memory/, measure: /./, below: 200 },
];

export interface Judgement {
  /** The bar in words: ">= 1.0x", "< 50 ms". */
  readonly target: string;
  readonly met: boolean;
}

/** The row's target and whether this run met it; undefined for a row no target names. */
export function judge(result: BenchResult): Judgement | undefined {
  const target = TARGETS.find(
    (t) =>
      t.benchmark.test(result.benchmark) &&
      t.measure.test(result.measure) &&
      (t.baseline === undefined || t.baseline.test(result.baselineName)),
  );
  if (target === undefined) return undefined;
  if (target.minRatio !== undefined)
    return { target: `>= ${target.minRatio.toFixed(1)}x`, met: ratioOf(result) >= target.minRatio };
  return { target: `< ${target.below} ${result.unit}`, met: result.value < target.below! };
}

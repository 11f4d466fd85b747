import { type AppName, peakMemoryKb } from './app-process.launcher';
import type { BenchContext, BenchResult } from './bench.types';
import { bareNodePeakKb } from './process-memory.probe';

const APPS: readonly AppName[] = ['api', 'projector', 'notifier', 'web'];

/**
 * 6. Peak resident memory (VmHWM) of each app over the benchmarks that ran it (the api in 2, 4 and 5,
 * the projector and notifier in 4, the web app in 7), read from /proc just before each was stopped. Baseline: a bare
 * Node.js process that only waits, read the same way: what any Node.js app costs before its own code.
 * Runs last; an app no earlier benchmark started is left out.
 */
export async function benchAppMemory(context: BenchContext): Promise<BenchResult[]> {
  const bare = (await bareNodePeakKb()) / 1024;
  const results = APPS.flatMap((app) => {
    const kb = peakMemoryKb.get(app);
    if (kb === undefined) return [];
    return [
      {
        benchmark: '6. peak resident memory (VmHWM)',
        measure: `${app} (max over its runs)`,
        unit: 'MiB',
        value: kb / 1024,
        baselineName: 'bare node -e "setTimeout(...)"',
        baseline: bare,
        higherIsBetter: false,
      },
    ];
  });
  context.log(
    `memory: ${results.map((r) => `${r.measure} ${r.value.toFixed(0)} MiB`).join(', ')}; bare ${bare.toFixed(0)} MiB`,
  );
  return results;
}

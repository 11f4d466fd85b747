import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Peak resident set size (VmHWM, kB) of a live process, or undefined once it has gone. The kernel
 * keeps the high-water mark itself, so one read at the end sees every spike of the run.
 */
export function peakResidentKb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** The floor every app starts from: a bare Node.js process that only waits, measured the same way. */
export async function bareNodePeakKb(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 5000)'], { stdio: 'ignore' });
  try {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const kb = peakResidentKb(child.pid);
    if (kb === undefined) throw new Error('could not read the bare Node.js process memory');
    return kb;
  } finally {
    child.kill('SIGKILL');
  }
}

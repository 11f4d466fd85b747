import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

const OUTPUT_TAIL_CHARS = 16_000;
const outputs = new WeakMap<ChildProcess, { text: string }>();

/** The last lines the process wrote (stdout and stderr), for a failing test's message. */
export function outputOf(child: ChildProcess): string {
  return outputs.get(child)?.text ?? '';
}

/**
 * Starts an app's main.ts in a child process (ts-node, no build needed) with the given environment.
 * Its output is always read (an unread pipe fills up and blocks the process) and its tail kept.
 */
export function startAppProcess(
  app: 'api' | 'projector' | 'notifier' | 'web',
  env: Record<string, string>,
): ChildProcess {
  const child = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      join(root, 'apps', app, 'src', 'main.ts'),
    ],
    { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output = { text: '' };
  outputs.set(child, output);
  const keep = (chunk: Buffer) => (output.text = (output.text + chunk.toString()).slice(-OUTPUT_TAIL_CHARS));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return child;
}

/** Polls a URL until it answers with `status`, or fails after `ms` (a cold ts-node start on a busy machine is slow). */
export async function waitForStatus(url: string, status: number, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const answered = await fetch(url).then(
      (r) => r.status,
      () => undefined,
    );
    if (answered === status) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer ${status} within ${ms} ms`);
}

/** Resolves with the exit code (or signal) once the process has ended. */
export function exited(child: ChildProcess): Promise<number | string> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
}

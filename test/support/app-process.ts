import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

const OUTPUT_TAIL_CHARS = 16_000;
const outputs = new WeakMap<ChildProcess, { text: string; closed: Promise<unknown> }>();

/** The last lines the process wrote (stdout and stderr), for a failing test's message. */
export function outputOf(child: ChildProcess): string {
  return outputs.get(child)?.text ?? '';
}

/**
 * Set (to 1) by CI, which builds right before it tests: the apps run from that build, which starts
 * each process in about a quarter of the CPU time of compiling its TypeScript on the fly (and is what
 * production runs). Unset, as on a developer's machine, the sources run as they are, with no build.
 */
const FROM_BUILD = process.env.TEST_APPS_FROM_BUILD === '1';

function commandFor(app: string): string[] {
  if (!FROM_BUILD)
    return [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      join(root, 'apps', app, 'src', 'main.ts'),
    ];
  const main = join(root, 'dist', 'apps', app, 'src', 'main.js');
  if (!existsSync(main)) throw new Error(`TEST_APPS_FROM_BUILD=1 but ${main} is not built: npm run build`);
  return [main];
}

/**
 * Starts an app's main in a child process (see FROM_BUILD) with the given environment.
 * Its output is always read (an unread pipe fills up and blocks the process) and its tail kept.
 */
export function startAppProcess(
  app: 'api' | 'projector' | 'notifier' | 'web',
  env: Record<string, string>,
): ChildProcess {
  const child = spawn(process.execPath, commandFor(app), {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // 'close' comes after the last of the output, 'exit' may come before it.
  const output = { text: '', closed: new Promise((resolve) => child.once('close', resolve)) };
  outputs.set(child, output);
  const keep = (chunk: Buffer) => (output.text = (output.text + chunk.toString()).slice(-OUTPUT_TAIL_CHARS));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return child;
}

/**
 * Polls a URL until it answers with `status`, or fails after `ms` (a cold ts-node start on a busy machine
 * is slow). Given the process that should answer, fails as soon as it exits instead (a failed migration,
 * a bad variable), with the tail of its output: waiting out `ms` for a dead process tells nothing more.
 */
export async function waitForStatus(
  url: string,
  status: number,
  ms = 120_000,
  child?: ChildProcess,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child && hasExited(child)) {
      // Unref'd: a bound on the wait for the last output, never a reason for jest to stay.
      await Promise.race([outputs.get(child)?.closed, new Promise((r) => setTimeout(r, 2_000).unref())]);
      throw new Error(
        `the process exited (${child.exitCode ?? child.signalCode}) before ${url} answered ${status}:\n${outputOf(child)}`,
      );
    }
    const answered = await fetch(url).then(
      (r) => r.status,
      () => undefined,
    );
    if (answered === status) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer ${status} within ${ms} ms${child ? `:\n${outputOf(child)}` : ''}`);
}

/** Waits until the app answers its readiness probe at `baseUrl`; see waitForStatus for the failures. */
export function waitUntilReady(child: ChildProcess, baseUrl: string, ms?: number): Promise<void> {
  return waitForStatus(`${baseUrl}/health/ready`, 200, ms, child);
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Resolves with the exit code (or signal) once the process has ended. */
export function exited(child: ChildProcess): Promise<number | string> {
  if (hasExited(child)) return Promise.resolve(child.exitCode ?? child.signalCode ?? -1);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
}

import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { signDevToken, type Role } from '@ehcp/auth';
import type { BenchContext } from './bench.types';
import { peakResidentKb } from './process-memory.probe';

export type AppName = 'api' | 'projector' | 'notifier' | 'web';

/** dist/bench -> the repository root: the apps run from their build, as in production. */
const ROOT = join(__dirname, '..', '..');
const PORT_VARIABLE: Record<AppName, string> = {
  api: 'PORT',
  projector: 'PROJECTOR_PORT',
  notifier: 'NOTIFIER_PORT',
  web: 'WEB_PORT',
};

/** Each app's Node.js flags, as production starts it (scripts/start-all.mjs, docker/): its memory depends on them. */
const NODE_FLAGS = JSON.parse(readFileSync(join(ROOT, 'scripts', 'app-node-flags.json'), 'utf8')) as Record<
  AppName,
  string[]
>;

/** Secrets of this run only: the apps verify and decrypt with them, the benchmarks sign and encrypt. */
export const BENCH_SECRETS = {
  AUTH_JWT_SECRET: randomBytes(24).toString('base64'),
  DATA_MASTER_KEY: randomBytes(32).toString('base64'),
  SEARCH_HASH_KEY: randomBytes(32).toString('base64'),
};

export interface AppProcess {
  readonly name: AppName;
  readonly url: string;
  readonly pid: number | undefined;
  /** Records the peak memory, then SIGTERM (SIGKILL after 10 s); resolves once the process has exited. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
/** Largest VmHWM (kB) seen per app over every run of this process: benchmark 6 reports it. */
export const peakMemoryKb = new Map<AppName, number>();

/**
 * Starts an app from dist with production settings (its Node.js flags too), quiet logs (per-request logging would be a
 * benchmark of pino) and no rate limit; resolves once /health/ready answers 200. `extra` adds to or
 * overrides those settings for this one process (the web app's api address, say).
 */
export async function startApp(
  name: AppName,
  context: BenchContext,
  extra: Record<string, string> = {},
): Promise<AppProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...NODE_FLAGS[name], join(ROOT, 'dist', 'apps', name, 'src', 'main.js')],
    {
      cwd: ROOT,
      env: { ...appEnvironment(context, PORT_VARIABLE[name], port), ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  const output = tail(child);
  const url = `http://127.0.0.1:${port}`;
  const app: AppProcess = { name, url, pid: child.pid, stop: () => stopApp(name, child, context.log) };
  try {
    await waitUntilReady(`${url}/health/ready`, child);
  } catch (error) {
    await app.stop();
    throw new Error(`${name} did not start: ${(error as Error).message}\n${output().join('\n')}`);
  }
  return app;
}

/** Starts several apps together; if one fails, the others are stopped before the error surfaces. */
export async function startApps(names: readonly AppName[], context: BenchContext): Promise<AppProcess[]> {
  const started = await Promise.allSettled(names.map((name) => startApp(name, context)));
  const failure = started.find((result) => result.status === 'rejected');
  const apps = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  if (failure) {
    await Promise.all(apps.map((app) => app.stop()));
    throw failure.reason;
  }
  return apps;
}

/** Only what the apps read (libs/config): nothing leaks in from the shell running the benchmark. */
function appEnvironment(context: BenchContext, portVariable: string, port: number): Record<string, string> {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: context.databaseUrl,
    REDIS_URL: context.redisUrl,
    [portVariable]: String(port),
    ...BENCH_SECRETS,
    // Production requires the team list: the four teams the benchmarks seed and sign tokens for.
    TEAMS: 'north,south,east,west',
    RATE_LIMIT_PER_MINUTE: '100000000',
  };
}

async function stopApp(name: AppName, child: ChildProcess, log: (message: string) => void): Promise<void> {
  const kb = peakResidentKb(child.pid);
  if (kb !== undefined) {
    peakMemoryKb.set(name, Math.max(kb, peakMemoryKb.get(name) ?? 0));
    log(`${name} stopped; peak resident memory ${(kb / 1024).toFixed(0)} MiB`);
  }
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** For exit paths that cannot wait: every app still running gets SIGKILL now. */
export function killAllApps(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** A bearer token the apps accept (HS256 with this run's secret). */
export function benchToken(roles: Role[], teams: string[]): Promise<string> {
  return signDevToken({ sub: `bench-${roles[0]}`, roles, teams }, BENCH_SECRETS.AUTH_JWT_SECRET, '2h');
}

async function waitUntilReady(url: string, child: ChildProcess, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`exited (${child.exitCode ?? child.signalCode})`);
    const status = await fetch(url).then(
      (response) => response.status,
      () => undefined,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer 200 within ${ms} ms`);
}

/** The last lines the process wrote, for the error message when it fails to start. */
function tail(child: ChildProcess, keep = 40): () => string[] {
  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - keep));
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return () => lines;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

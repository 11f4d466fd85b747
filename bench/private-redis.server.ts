import { type ChildProcess, spawn } from 'node:child_process';
import Redis from 'ioredis';
import { freePort } from './app-process.launcher';

export interface PrivateRedis {
  readonly url: string;
  stop(): void;
}

/**
 * A throwaway redis-server for the run: the notifier's BullMQ queues must not meet those of a
 * developer's running stack or of tests on the shared Redis. Undefined when redis-server is missing.
 */
export async function startPrivateRedis(): Promise<PrivateRedis | undefined> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const failed = new Promise<false>((resolve) => child.once('error', () => resolve(false)));
  const url = `redis://127.0.0.1:${port}`;
  const up = await Promise.race([failed, answers(url)]);
  if (!up) {
    child.kill('SIGKILL');
    return undefined;
  }
  return { url, stop: () => void child.kill('SIGKILL') };
}

async function answers(url: string): Promise<boolean> {
  for (let tries = 0; tries < 50; tries += 1) {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined); // refused while starting: retried below
    try {
      await probe.connect();
      await probe.ping();
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      probe.disconnect();
    }
  }
  return false;
}

import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { exited } from './app-process';
import { freePort } from './free-port';

/** Stoplight's Prism as a validating proxy in front of a running api. */
export interface PrismProxy {
  readonly url: string;
  /** Everything Prism printed: its own account of each request and any violation. */
  log(): string;
  stop(): Promise<void>;
}

const LISTENING = /Prism is listening on (http:\/\/\S+)/;

/**
 * `prism proxy --errors <document> <upstream>` on a free local port: every request and response is
 * checked against the document. A violation is reported in the `sl-violations` response header; with
 * --errors an invalid request is answered by Prism itself (4xx, never forwarded) and an invalid
 * response becomes a 500 problem document (prism-http-server).
 */
export async function startPrismProxy(document: string, upstream: string): Promise<PrismProxy> {
  const cli = join(dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [cli, 'proxy', '--errors', '--host', '127.0.0.1', '--port', String(port), document, upstream],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } },
  );
  let output = '';
  const collect = (chunk: Buffer) => (output += chunk.toString('utf8'));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const url = await listeningUrl(child, () => output, 60_000);
  return {
    url,
    log: () => output,
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}

function listeningUrl(child: ChildProcess, output: () => string, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = LISTENING.exec(output());
      if (match) done(() => resolve(match[1]));
    };
    const timer = setTimeout(() => fail(`Prism did not listen within ${ms} ms`), ms);
    const fail = (why: string) =>
      done(() => {
        child.kill('SIGKILL');
        reject(new Error(`${why}:\n${output()}`));
      });
    const onExit = (code: number | null) => fail(`Prism exited (${code})`);
    const done = (settle: () => void) => {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.off('exit', onExit);
      settle();
    };
    child.stdout?.on('data', check);
    child.once('exit', onExit);
    check();
  });
}

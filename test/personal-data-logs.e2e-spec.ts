import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Pool } from 'pg';
import { signDevToken, type Role, type TokenAudience } from '@ehcp/auth';
import { loadConfig } from '@ehcp/config';
import { EncryptedEventStore, PersonalDataKeyRepository, PostgresEventStore } from '@ehcp/event-store';
import { exited, startAppProcess, waitUntilReady } from './support/app-process';
import { createTestDatabase, type TestDatabase } from './support/test-database';

jest.setTimeout(180_000);

const SECRET = 'personal-data-logs-secret-0123';
const ISSUER = 'https://sso.council.example';
const AUDIENCE = 'ehcp-api';
const OURS: TokenAudience = { issuer: ISSUER, audience: AUDIENCE };
const MASTER_KEY = loadConfig().DATA_MASTER_KEY;

/** Distinctive enough that any occurrence in a log line is the child's data and nothing else. */
const CHILD = { firstName: 'Zephyrine', lastName: 'Quillfeather', dateOfBirth: '2017-08-23' };
const OTHER_CHILD = { firstName: 'Oswaldina', lastName: 'Brackenridge', dateOfBirth: '2018-11-07' };
/** Dates of birth PostgreSQL or the calendar refuse. */
const BAD_DATES = ['2017-02-30', '0000-02-29'];
const PERSONAL = [
  ...Object.values(CHILD),
  ...Object.values(OTHER_CHILD),
  ...BAD_DATES,
  // A date of birth that became a JavaScript Date and was printed in UTC.
  '2017-08-22T23:00',
];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** stdout and stderr of a child process, kept whole. */
function captured(child: ChildProcess): () => string {
  const chunks: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
  return () => Buffer.concat(chunks).toString('utf8');
}

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

async function call(
  url: string,
  token: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

const openCase = (caseId: string, child: unknown) => ({
  caseId,
  team: 'north',
  requestReceivedOn: '2026-06-01',
  requestedBy: 'parent',
  child,
});

/**
 * Events the api refuses, appended straight into the store as a bug or an old version might have:
 * a name with a NUL (PostgreSQL's text refuses it) and a date of birth PostgreSQL refuses.
 * Returns the position of the last.
 */
async function appendHostileCases(databaseUrl: string): Promise<string> {
  const pool = new Pool({ connectionString: databaseUrl });
  try {
    const store = new EncryptedEventStore(
      await PostgresEventStore.create({ pool }),
      await PersonalDataKeyRepository.create(pool, MASTER_KEY),
    );
    let position = '';
    for (const personal of [
      { ...OTHER_CHILD, firstName: `${OTHER_CHILD.firstName}\u0000` },
      { ...OTHER_CHILD, dateOfBirth: '0000-02-29' },
    ]) {
      const caseId = randomUUID();
      const data = { caseId, reference: null, team: 'north', requestReceivedOn: '2026-06-01' };
      Object.assign(data, { requestedBy: 'parent', caseworkerId: null, personal });
      const event = { id: randomUUID(), type: 'RequestReceived', data, metadata: {} };
      ({ position } = await store.appendToStream(`ehcp-case-${caseId}`, [event], {
        expectedRevision: 'no_stream',
      }));
    }
    return position;
  } finally {
    await pool.end();
  }
}

/**
 * Issue 12, finding 5: a case's life through the real api and projector processes logging at
 * `trace`, with the refusals a careless client meets and events the projector cannot store, then a
 * grep of everything they wrote: the children's names and dates of birth appear nowhere. Also: the
 * responses carrying them are not cached, and tokens for another audience are refused.
 */
describe('personal data stays out of the logs and caches', () => {
  let database: TestDatabase;
  const processes: ChildProcess[] = [];
  const logs: (() => string)[] = [];
  let api: string;
  let projector: string;
  const caseId = randomUUID();
  const tokens = {} as Record<'caseworker' | 'admin', string>;
  let opened: Answer;

  const tokenOf = (roles: Role[], teams: string[], claims: TokenAudience = OURS) =>
    signDevToken({ sub: `${roles[0]}-1`, roles, teams }, SECRET, '1h', claims);
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    call(`${api}${path}`, tokens.caseworker, 'POST', body, headers);
  const get = (path: string) => call(`${api}${path}`, tokens.caseworker, 'GET');

  beforeAll(async () => {
    database = await createTestDatabase('personal_logs_e2e');
    const [apiPort, projectorPort] = await Promise.all([freePort(), freePort()]);
    api = `http://127.0.0.1:${apiPort}`;
    projector = `http://127.0.0.1:${projectorPort}`;
    const env = {
      DATABASE_URL: database.url,
      DATA_MASTER_KEY: MASTER_KEY,
      LOG_LEVEL: 'trace',
      AUTH_JWT_SECRET: SECRET,
      AUTH_JWT_ISSUER: ISSUER,
      AUTH_JWT_AUDIENCE: AUDIENCE,
      PORT: String(apiPort),
      PROJECTOR_PORT: String(projectorPort),
    };
    for (const app of ['api', 'projector'] as const) {
      const child = startAppProcess(app, env);
      processes.push(child);
      logs.push(captured(child));
    }
    tokens.caseworker = await tokenOf(['caseworker'], ['north']);
    tokens.admin = await tokenOf(['admin'], []);
    await waitUntilReady(processes[0], api);
    await waitUntilReady(processes[1], projector);
  }, 120_000);

  afterAll(async () => {
    for (const child of processes) child.kill('SIGKILL');
    await database?.drop();
  });

  it('opens a case, replays it, refuses its key for another child and a second opening (409)', async () => {
    const key = { 'idempotency-key': randomUUID() };
    opened = await post('/cases', openCase(caseId, CHILD), key);
    expect(opened.status).toBe(201);
    expect((await post('/cases', openCase(caseId, CHILD), key)).status).toBe(201);
    const reused = await post('/cases', openCase(caseId, OTHER_CHILD), key);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await post('/cases', openCase(caseId, OTHER_CHILD))).body.code).toBe('CASE_ALREADY_EXISTS');
  });

  it.each([
    ['an impossible date of birth', { ...OTHER_CHILD, dateOfBirth: '2017-02-30' }],
    ['a date of birth in the future', { ...OTHER_CHILD, dateOfBirth: '2099-01-01' }],
    ['a name that is not text', { ...OTHER_CHILD, firstName: 42 }],
    ['a field of its own', { ...OTHER_CHILD, nickname: OTHER_CHILD.firstName }],
    ['a NUL in a name', { ...OTHER_CHILD, firstName: `${OTHER_CHILD.firstName}\u0000` }],
    ['a date PostgreSQL refuses', { ...OTHER_CHILD, dateOfBirth: '0000-02-29' }],
  ])('refuses a child with %s (400)', async (_what, child) => {
    const refused = await post('/cases', openCase(randomUUID(), child));
    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
  });

  it('refuses a draft before a decision (409) and a stale If-Match (412)', async () => {
    const early = await post(`/cases/${caseId}/draft-plan`, { issuedOn: '2026-07-01' });
    expect(early.body.code).toBe('DRAFT_BEFORE_PLAN_DECISION');
    const assign = { caseworkerId: 'caseworker-7', assignedOn: '2026-06-02' };
    expect((await post(`/cases/${caseId}/caseworker`, assign, { 'if-match': '"7"' })).status).toBe(412);
  });

  it('answers with Cache-Control: no-store, above all where the child is', async () => {
    const found = await get(`/cases/${caseId}?minPosition=${String(opened.body.position)}`);
    expect(found.body.child).toEqual(CHILD);
    const history = await get(`/cases/${caseId}/events`);
    const tray = await get('/cases');
    for (const answer of [found, history, tray, opened]) {
      expect(answer.status).toBeLessThan(300);
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
  });

  it.each([
    ['another audience', { issuer: ISSUER, audience: 'another-api' }],
    ['no audience', { issuer: ISSUER }],
  ])('refuses a token for %s (401)', async (_what, claims) => {
    const foreign = await tokenOf(['caseworker'], ['north'], claims);
    expect((await call(`${api}/cases/${caseId}`, foreign, 'GET')).status).toBe(401);
  });

  it('erases the child, then refuses a second erasure (409)', async () => {
    const erase = () => call(`${api}/cases/${caseId}/personal-data`, tokens.admin, 'DELETE');
    const erased = await erase();
    expect(erased.status).toBe(200);
    expect((await erase()).status).toBe(409);
    const after = await get(`/cases/${caseId}?minPosition=${String(erased.body.position)}`);
    expect(after.body.child).toBeNull();
  });

  it('has the projector meet children it cannot store (appended past the api)', async () => {
    const position = await appendHostileCases(database.url);
    const failures = () =>
      fetch(`${projector}/metrics`)
        .then((response) => response.text())
        .then((text) => Number(/^ehcp_projection_batch_failures_total (\d+)/m.exec(text)?.[1] ?? 0));
    // Applied or set aside: the query stops waiting. A projector that is stuck has failed at least.
    const deadline = Date.now() + 60_000;
    let reached = false;
    while (!reached && Date.now() < deadline)
      reached = (await get(`/cases?minPosition=${position}`)).status !== 503;
    expect(reached || (await failures()) > 0).toBe(true);
  });

  it('wrote neither names nor dates of birth in any log line, at trace level', async () => {
    for (const child of processes) child.kill('SIGTERM');
    await Promise.all(processes.map((child) => exited(child)));
    const output = logs.map((log) => log()).join('\n');
    // The grep is not vacuous: the run was logged, the projector's failures too.
    expect(output).toContain(caseId);
    expect(output).toContain('"level":50');
    const leaks = output.split('\n').filter((line) => PERSONAL.some((value) => line.includes(value)));
    expect(leaks).toEqual([]);
  });
});

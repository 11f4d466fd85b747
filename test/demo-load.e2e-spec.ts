import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateCaseload, type DemoCase } from '../scripts/demo/caseload.generator';
import { DemoApiClient } from '../scripts/demo/demo-api.client';
import { loadCaseload, loadedCompletely, type LoadOutcome } from '../scripts/demo/demo-caseload.loader';
import { revisionOf, startCommandApi, TODAY, type Caller, type CommandApi } from './support/command-api';

/** Low enough that every run below has to wait for the window to reset at least once. */
const LIMIT = 20;
/**
 * Long enough for LIMIT commands to go in within one window however busy the machine (they take well
 * under a second), so that every run spends its budget; short, so that waiting it out takes seconds.
 */
const WINDOW_SECONDS = 5;
const TEAMS = ['north', 'south'];
/** Three cases of 14, 2 and 17 steps: 33 commands, more than one window's budget. */
const CASELOAD = generateCaseload({ seed: 1, cases: 3, today: TODAY, teams: TEAMS });
const STEPS = CASELOAD.reduce((sum, demoCase) => sum + demoCase.steps.length, 0);
const CONCURRENCY = 4;

// Each run waits out one window or two: generous, never tight.
jest.setTimeout(10 * 60_000);

/**
 * `npm run demo -- --no-start` against a running api with its rate limit on: the loader waits for the
 * budget instead of failing, loads every case to its last step, finishes cases a crashed run left
 * half-loaded, and a second run appends nothing (each step's Idempotency-Key).
 */
describe('the demo loader against a running api with a low rate limit', () => {
  let api: CommandApi;
  let loader: DemoApiClient;
  let checker: Caller;

  beforeAll(async () => {
    api = await startCommandApi({
      RATE_LIMIT_PER_MINUTE: String(LIMIT),
      RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
    });
    const demo = await api.as('demo-loader', ['admin', 'caseworker', 'qa_officer'], TEAMS);
    loader = new DemoApiClient({ baseUrl: api.baseUrl, token: demo.token });
    // Another user: its reads spend a budget of their own.
    checker = await api.as('demo-checker', ['caseworker'], TEAMS);
  }, 120_000);
  afterAll(() => api?.close(), 60_000);

  const load = (caseload: readonly DemoCase[]): Promise<LoadOutcome> =>
    loadCaseload(caseload, loader, { concurrency: CONCURRENCY });
  const revisions = () => Promise.all(CASELOAD.map((demoCase) => revisionOf(checker, demoCase.caseId)));

  it('finishes the cases a crashed run left half-loaded, appending only the steps they lacked', async () => {
    expect(STEPS).toBeGreaterThan(LIMIT);
    const waits = loader.rateLimitWaits;
    // What a run that died part-way leaves: each case's first steps only.
    const halfLoaded = CASELOAD.map((demoCase) => ({
      ...demoCase,
      steps: demoCase.steps.slice(0, Math.ceil(demoCase.steps.length / 2)),
    }));
    const first = await load(halfLoaded);
    const stepsIn = halfLoaded.reduce((sum, demoCase) => sum + demoCase.steps.length, 0);
    expect(first).toMatchObject({ appended: stepsIn, replayed: 0, unfinished: [] });

    const resumed = await load(CASELOAD);
    expect(resumed).toMatchObject({
      appended: STEPS - stepsIn,
      replayed: stepsIn,
      complete: CASELOAD.length,
    });
    expect(loadedCompletely(resumed)).toBe(true);
    // Every step is in its case's history (a step appends one event or more).
    const after = await revisions();
    CASELOAD.forEach((demoCase, i) => expect(after[i] + 1).toBeGreaterThanOrEqual(demoCase.steps.length));
    // The run spent the budget and waited for the window to reset.
    expect(loader.rateLimitWaits).toBeGreaterThan(waits);
  });

  it('a second run over the whole caseload appends nothing', async () => {
    const before = await revisions();
    const waits = loader.rateLimitWaits;
    const again = await load(CASELOAD);
    expect(again).toMatchObject({ appended: 0, replayed: STEPS, complete: CASELOAD.length, unfinished: [] });
    expect(loadedCompletely(again)).toBe(true);
    expect(await revisions()).toEqual(before);
    expect(loader.rateLimitWaits).toBeGreaterThan(waits);
  });
});

/**
 * An api that stops answering part-way (here a proxy in front of the real one that turns to 503 after
 * a number of commands): the run stops with the reason, names every case it left half-loaded with the
 * steps it has, and a re-run finishes them.
 */
describe('the demo loader when the api stops answering part-way', () => {
  const PASSED = 12;
  let api: CommandApi;
  let proxy: Server;
  let proxyUrl: string;
  let token: string;

  beforeAll(async () => {
    api = await startCommandApi();
    token = (await api.as('demo-loader', ['admin', 'caseworker', 'qa_officer'], TEAMS)).token;
    let forwarded = 0;
    proxy = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (forwarded >= PASSED) return void response.writeHead(503).end();
        forwarded += 1;
        void forward(`${api.baseUrl}${request.url}`, request, Buffer.concat(chunks)).then(
          ({ status, headers, body }) => response.writeHead(status, headers).end(body),
          () => response.writeHead(502).end(),
        );
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  }, 120_000);
  afterAll(async () => {
    await new Promise((resolve) => proxy?.close(resolve));
    await api?.close();
  }, 60_000);

  it('stops with the reason, names each case left half-loaded, and a re-run finishes them', async () => {
    const failing = new DemoApiClient({ baseUrl: proxyUrl, token, attempts: 2 });
    const stopped = await loadCaseload(CASELOAD, failing, { concurrency: CONCURRENCY });
    expect(stopped.failure).toMatch(/POST .*failed 2 times: HTTP 503/);
    expect(loadedCompletely(stopped)).toBe(false);
    // Every command that went through is accounted for: in a complete case or a case named unfinished.
    const started = CASELOAD.slice(0, CASELOAD.length - stopped.notStarted);
    const completeSteps = started
      .filter((c) => !stopped.unfinished.some((u) => u.caseId === c.caseId))
      .reduce((sum, c) => sum + c.steps.length, 0);
    const unfinishedSteps = stopped.unfinished.reduce((sum, c) => sum + c.stepsDone, 0);
    expect(stopped.appended).toBe(PASSED);
    expect(completeSteps + unfinishedSteps).toBe(PASSED);
    expect(stopped.complete + stopped.unfinished.length + stopped.notStarted).toBe(CASELOAD.length);
    for (const unfinished of stopped.unfinished) {
      expect(unfinished.reason).toMatch(/^stopped: /);
      expect(unfinished.reference).toMatch(/^EHC-/);
    }
    expect(stopped.unfinished.some((c) => c.stepsDone > 0)).toBe(true);

    const rerun = await loadCaseload(CASELOAD, new DemoApiClient({ baseUrl: api.baseUrl, token }), {
      concurrency: CONCURRENCY,
    });
    expect(rerun).toMatchObject({ appended: STEPS - PASSED, replayed: PASSED, complete: CASELOAD.length });
    expect(loadedCompletely(rerun)).toBe(true);
  });
});

/** Sends the request on to the api as it came (method, headers, body) and gives back the answer. */
async function forward(
  url: string,
  request: IncomingMessage,
  body: Buffer,
): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  const headers: Record<string, string> = {};
  for (const name of ['authorization', 'content-type', 'idempotency-key'])
    if (typeof request.headers[name] === 'string') headers[name] = request.headers[name];
  const answer = await fetch(url, {
    method: request.method,
    headers,
    body: body.length > 0 ? body : undefined,
  });
  const answerHeaders: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    if (name !== 'content-length' && name !== 'transfer-encoding' && name !== 'content-encoding')
      answerHeaders[name] = value;
  });
  return { status: answer.status, headers: answerHeaders, body: Buffer.from(await answer.arrayBuffer()) };
}

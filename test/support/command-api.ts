import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { signDevToken, type Role } from '@ehcp/auth';
import { Clock, loadConfig, ManualClock, type AppConfig } from '@ehcp/config';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureHttp } from '../../apps/api/src/configure-http';
import { createTestDatabase, type TestDatabase } from './test-database';

/** "Today" in the command e2e tests (the api's Clock is stopped here): every fact is dated on or before it. */
export const TODAY = '2027-03-01';

type Headers = Record<string, string>;

/** One authenticated user's view of the api. */
export interface Caller {
  readonly token: string;
  post(path: string, body?: unknown, headers?: Headers): request.Test;
  put(path: string, body?: unknown, headers?: Headers): request.Test;
  del(path: string, headers?: Headers): request.Test;
  get(path: string, headers?: Headers): request.Test;
}

export interface CommandApi {
  readonly app: INestApplication;
  readonly config: AppConfig;
  readonly baseUrl: string;
  /** A caller with these roles and teams (default team: north). */
  as(sub: string, roles: readonly Role[], teams?: readonly string[]): Promise<Caller>;
  /** A caller with no token. */
  anonymous(): Caller;
  close(): Promise<void>;
}

/**
 * The api as main.ts runs it (configureHttp), listening on a random local port, on a throwaway
 * database, with the clock stopped at `today` (TODAY unless a test needs another day).
 */
export async function startCommandApi(
  env: Record<string, string> = {},
  today: string = TODAY,
): Promise<CommandApi> {
  const database: TestDatabase = await createTestDatabase('ehcp_api');
  const config = loadConfig({
    DATABASE_URL: database.url,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '100000',
    // Rate-limit counters live in the shared Redis: each test api counts apart.
    RATE_LIMIT_REDIS_PREFIX: `${database.name}:rate-limit:`,
    // A busy machine's projector may take longer than the production 5 s to catch up: tests read
    // their own writes without relying on it (a test that means to see the 503 sets its own).
    READ_YOUR_WRITES_WAIT_MS: '60000',
    ...env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule.register(config)] })
    .overrideProvider(Clock)
    .useValue(ManualClock.on(today))
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureHttp(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const callerWith = (token?: string): Caller => {
    const auth = (test: request.Test) => (token ? test.set('authorization', `Bearer ${token}`) : test);
    return {
      token: token ?? '',
      post: (path, body, headers = {}) => {
        const test = auth(request(baseUrl).post(path)).set(headers);
        return body === undefined ? test : test.send(body as object);
      },
      put: (path, body, headers = {}) => {
        const test = auth(request(baseUrl).put(path)).set(headers);
        return body === undefined ? test : test.send(body as object);
      },
      del: (path, headers = {}) => auth(request(baseUrl).delete(path)).set(headers),
      get: (path, headers = {}) => auth(request(baseUrl).get(path)).set(headers),
    };
  };
  return {
    app,
    config,
    baseUrl,
    as: async (sub, roles, teams = ['north']) =>
      callerWith(await signDevToken({ sub, roles, teams }, config.AUTH_JWT_SECRET ?? '')),
    anonymous: () => callerWith(),
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** A valid POST /cases body. */
export function requestBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    caseId: randomUUID(),
    team: 'north',
    requestReceivedOn: '2025-01-06',
    requestedBy: 'parent',
    child: { firstName: 'Amelia', lastName: 'Khan', dateOfBirth: '2016-04-12' },
    ...overrides,
  };
}

/** Every section graded `good` (optional ones not applicable): a valid audit of a final plan. */
export { GOOD_SECTIONS } from '../../libs/domain/src/testing/case-events';

/** The case's revision as its history reports it (-1: no such case). */
export async function revisionOf(caller: Caller, caseId: string): Promise<number> {
  const response = await caller.get(`/cases/${caseId}/events`);
  if (response.status === 404) return -1;
  if (response.status !== 200) throw new Error(`GET events: ${response.status} ${response.text}`);
  return (response.body as unknown[]).length - 1;
}

/** Runs commands in order, failing loudly at the first refusal. Returns the last response body. */
export async function given(
  caller: Caller,
  steps: readonly (readonly [path: string, body: unknown])[],
): Promise<Record<string, unknown>> {
  let last: Record<string, unknown> = {};
  for (const [path, body] of steps) {
    const response = await caller.post(path, body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${response.text}`);
    last = response.body as Record<string, unknown>;
  }
  return last;
}

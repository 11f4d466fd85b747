import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startPrivateRedis, type PrivateRedis } from '../apps/notifier/src/testing/private-redis';
import { startCommandApi, type Caller, type CommandApi } from './support/command-api';

const LIMIT = 4;
/** A request that waits longer than this on a Redis that is gone fails the test: it must not hang. */
const ANSWER_BOUND_MS = 15_000;

/**
 * Two api instances on one Redis share each caller's budget (RATE_LIMIT_PER_MINUTE), so
 * scaling out does not multiply it; with Redis gone, requests still get their normal answer (fail open).
 */
describe('rate limits shared through Redis by several api instances', () => {
  let redis: PrivateRedis;
  let first: CommandApi;
  let second: CommandApi;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    const env = {
      REDIS_URL: redis.url,
      RATE_LIMIT_PER_MINUTE: String(LIMIT),
      RATE_LIMIT_REDIS_PREFIX: `e2e-${randomUUID()}:`,
    };
    [first, second] = await Promise.all([startCommandApi(env), startCommandApi(env)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
    await redis?.stop();
  }, 60_000);

  const caseEvents = (caller: Caller) => caller.get(`/cases/${randomUUID()}/events`).timeout(ANSWER_BOUND_MS);

  it('spends one budget across both instances, then 429 with a problem body and Retry-After', async () => {
    const onFirst = await first.as('shared-budget', ['caseworker']);
    const onSecond = await second.as('shared-budget', ['caseworker']);
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i += 1) statuses.push((await caseEvents(i % 2 ? onSecond : onFirst)).status);
    expect(statuses).toEqual(Array(LIMIT).fill(404));

    for (const caller of [onFirst, onSecond]) {
      const refused = await caseEvents(caller);
      expect(refused.status).toBe(429);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }
    // Another caller has a budget of its own.
    expect((await caseEvents(await second.as('other-caller', ['caseworker']))).status).toBe(404);
  });

  it('with Redis stopped, answers as usual (counting per instance), reported on a metric', async () => {
    await redis.stop();
    for (const api of [first, second]) {
      const caller = await api.as('during-outage', ['caseworker']);
      for (let i = 0; i < 2; i += 1) expect((await caseEvents(caller)).status).toBe(404);
      const metrics = await request(api.baseUrl).get('/metrics').timeout(ANSWER_BOUND_MS).expect(200);
      expect(metrics.text).toMatch(/^ehcp_api_rate_limit_redis_failures_total [1-9]/m);
    }
  }, 60_000);
});

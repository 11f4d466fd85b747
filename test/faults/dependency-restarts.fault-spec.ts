import { LocalDate } from '@js-joda/core';
import { NOTIFICATION_SCHEMA } from '@ehcp/alerts';
import { londonDate } from '@ehcp/config';
import { readModelsDataSourceOptions } from '@ehcp/read-models';
import { DataSource } from 'typeorm';
import { DeadlineRows } from '../../apps/notifier/src/testing/deadline-rows';
import { WEBHOOK_SECRET, eventually } from '../../apps/notifier/src/testing/notifier.harness';
import { startPrivateRedis, type PrivateRedis } from '../../apps/notifier/src/testing/private-redis';
import { WebhookReceiver } from '../../apps/notifier/src/testing/webhook-receiver';
import { startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres';
import {
  FaultSystem,
  eachAcceptedOnce,
  readYourWrite,
  startTraffic,
  type Traffic,
} from './support/fault-system';

jest.setTimeout(300_000);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Answers a request may get while a dependency restarts: success, or a 503 problem to retry. */
const ACCEPTABLE = new Set([200, 201, 503]);

/**
 * Issue 12, finding 2: api, projector and notifier against a PostgreSQL and a Redis of this file's own,
 * which are stopped and started under traffic. No app exits, a request gets a success or a 503 (never a
 * 500, never a hang), readiness says so, and everything comes back by itself with nothing lost.
 */
describe('dependency restarts under traffic', () => {
  let postgres: PrivatePostgres;
  let redis: PrivateRedis;
  let webhooks: WebhookReceiver;
  let system: FaultSystem;

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    redis = await startPrivateRedis();
    webhooks = await new WebhookReceiver(WEBHOOK_SECRET).start();
    system = await new FaultSystem({
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      ALERT_WEBHOOK_URL: webhooks.url,
    }).start();
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
    await webhooks?.stop();
    await redis?.stop();
    postgres?.destroy();
  }, 60_000);

  /** Traffic, then `outage` (the dependency down for a few seconds) `times` over, then traffic stops. */
  async function underTraffic(outage: () => Promise<void>, times: number): Promise<Traffic> {
    const traffic = startTraffic(system);
    try {
      await eventually(() => traffic.accepted.length >= 20, 60_000);
      for (let round = 0; round < times; round += 1) {
        await outage();
        const before = traffic.accepted.length;
        await eventually(() => traffic.accepted.length > before + 10, 90_000);
      }
    } finally {
      await traffic.stop();
    }
    return traffic;
  }

  it('PostgreSQL restarts (pg_ctl stop -m fast, start) three times: 503 while down, then everything recovers', async () => {
    const traffic = await underTraffic(async () => {
      postgres.stop();
      // While it is down every app says it is not ready.
      await system.allAnswer(503, 30_000);
      await pause(2_000);
      postgres.start();
      await system.allAnswer(200, 60_000);
    }, 3);

    expect(system.exits).toEqual([]);
    expect(traffic.outcomes.filter((outcome) => !ACCEPTABLE.has(outcome as number))).toEqual([]);
    expect(traffic.outcomes).toContain(503);
    await readYourWrite(system);
    await eachAcceptedOnce(system, traffic.accepted);
  });

  it('Redis restarts with its data gone: commands go on, the notifier reconnects and delivers', async () => {
    const traffic = await underTraffic(async () => {
      await redis.stop();
      // The apps that use Redis say they are not ready; the projector, which does not, stays ready.
      await system.appsAnswer(['api', 'notifier'], 503, 30_000);
      await system.appsAnswer(['projector'], 200, 1_000);
      await pause(2_000);
      await redis.start();
      await system.allAnswer(200, 60_000);
    }, 2);

    expect(system.exits).toEqual([]);
    expect(traffic.outcomes.filter((outcome) => !ACCEPTABLE.has(outcome as number))).toEqual([]);
    await readYourWrite(system);
    await eachAcceptedOnce(system, traffic.accepted);

    // The notifier's queues work again: a final plan overdue since yesterday, recorded days ago and
    // relayed now, is delivered once.
    const db = await new DataSource(
      readModelsDataSourceOptions(postgres.url, NOTIFICATION_SCHEMA),
    ).initialize();
    let caseId: string;
    try {
      const yesterday = LocalDate.parse(londonDate(new Date())).minusDays(1).toString();
      const knownAt = new Date(Date.now() - 3 * 86_400_000);
      ({ caseId } = await new DeadlineRows(db).open({ dueOn: yesterday, knownAt }));
    } finally {
      await db.destroy();
    }
    await eventually(() => webhooks.callsFor(caseId).length > 0, 90_000);
    await pause(2_000);
    expect(webhooks.callsFor(caseId)).toHaveLength(1);
    expect(system.exits).toEqual([]);
  });
});

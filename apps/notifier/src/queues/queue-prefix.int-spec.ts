import { alertJobId } from '@ehcp/alerts';
import { ManualClock } from '@ehcp/config';
import Redis from 'ioredis';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import {
  WEBHOOK_SECRET,
  eventually,
  quiet,
  startNotifier,
  type NotifierHarness,
} from '../testing/notifier.harness';
import type { DeadlineHandle } from '../testing/deadline-rows';
import { startPrivateRedis, type PrivateRedis } from '../testing/private-redis';
import { WebhookReceiver } from '../testing/webhook-receiver';

const NOW = '2026-05-04T09:00:00Z';

// Real Redis, PostgreSQL and BullMQ timers: generous under a loaded CI machine.
jest.setTimeout(30_000);

interface Deployment {
  readonly prefix: string;
  readonly database: TestDatabase;
  readonly webhooks: WebhookReceiver;
  readonly notifier: NotifierHarness;
}

describe('ALERT_QUEUE_PREFIX: two deployments share one Redis', () => {
  let redis: PrivateRedis;
  let admin: Redis;
  const deployments: Deployment[] = [];

  beforeAll(async () => {
    // A Redis of this file's own, so that every key in it belongs to one of the two deployments.
    redis = await startPrivateRedis();
    admin = new Redis(redis.url);
    for (const prefix of ['council-a', 'council-b']) {
      const database = await createTestDatabase('alerts_prefix');
      const webhooks = await new WebhookReceiver(WEBHOOK_SECRET).start();
      const notifier = await startNotifier(
        {
          DATABASE_URL: database.url,
          REDIS_URL: redis.url,
          ALERT_WEBHOOK_URL: webhooks.url,
          ALERT_QUEUE_PREFIX: prefix,
        },
        { clock: new ManualClock(NOW) },
      );
      deployments.push({ prefix, database, webhooks, notifier });
    }
  }, 60_000);

  afterAll(async () => {
    for (const { notifier, webhooks, database } of deployments) {
      await notifier.close();
      await webhooks.stop();
      await database.drop();
    }
    admin?.disconnect();
    await redis?.stop();
  });

  it("keeps each deployment's jobs, scheduler and deliveries to itself", async () => {
    const [a, b] = deployments;
    // Each: one deadline due later (its alerts wait in Redis), one breached while known (sent now).
    const opened: { later: DeadlineHandle; breached: DeadlineHandle }[] = [];
    for (const { notifier } of deployments) {
      opened.push({
        later: await notifier.deadlines.open({ dueOn: '2026-08-31' }),
        breached: await notifier.deadlines.open({ dueOn: '2026-05-01', knownAt: '2026-04-01T09:00:00Z' }),
      });
    }
    for (const [i, { notifier, webhooks }] of deployments.entries()) {
      await eventually(() => webhooks.callsFor(opened[i].breached.caseId).length === 1);
      await eventually(async () => (await notifier.queues.alerts.getDelayedCount()) === 3);
      await quiet(notifier.queues);
    }

    for (const [i, { notifier, webhooks }] of deployments.entries()) {
      const other = opened[1 - i];
      const ids = (await notifier.queues.alerts.getJobs(['delayed'])).map((job) => job.id);
      expect(ids.sort()).toEqual(
        ['due_soon-14', 'due_soon-5', 'overdue'].map((key) =>
          alertJobId(opened[i].later.id, key, '2026-08-31'),
        ),
      );
      expect(webhooks.calls.map((call) => call.body.caseId)).toEqual([opened[i].breached.caseId]);
      expect(webhooks.callsFor(other.breached.caseId)).toEqual([]);
      expect(await notifier.queues.sweeps.getJobScheduler('alert-sweep')).toBeDefined();
    }
    // Nothing in Redis outside the two prefixes.
    const keys = await admin.keys('*');
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((key) => !key.startsWith(`${a.prefix}:`) && !key.startsWith(`${b.prefix}:`))).toEqual(
      [],
    );
    expect(keys.some((key) => key.startsWith(`${a.prefix}:alerts:`))).toBe(true);
    expect(keys.some((key) => key.startsWith(`${b.prefix}:alerts:`))).toBe(true);
  });
});

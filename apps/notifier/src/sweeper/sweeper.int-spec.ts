import { ManualClock } from '@ehcp/alerts';
import Redis from 'ioredis';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { RedisPolicyCheck } from '../redis/redis-policy.check';
import {
  WEBHOOK_SECRET,
  eventually,
  quiet,
  startNotifier,
  testQueuePrefix,
  type NotifierHarness,
} from '../testing/notifier.harness';
import { startPrivateRedis, type PrivateRedis } from '../testing/private-redis';
import { WebhookReceiver } from '../testing/webhook-receiver';

// 20 March 2026, noon GMT.
const NOW = '2026-03-20T12:00:00Z';

// Real Redis, PostgreSQL and BullMQ timers: generous under a loaded CI machine.
jest.setTimeout(30_000);

describe('sweeper: Redis loses its data (FLUSHALL), nothing is lost or sent twice', () => {
  let database: TestDatabase;
  let redis: PrivateRedis;
  let admin: Redis;
  let webhooks: WebhookReceiver;
  let notifier: NotifierHarness;

  beforeAll(async () => {
    database = await createTestDatabase('alerts_sweeper');
    // FLUSHALL only ever on a Redis of this file's own.
    redis = await startPrivateRedis();
    admin = new Redis(redis.url);
    webhooks = await new WebhookReceiver(WEBHOOK_SECRET).start();
    notifier = await startNotifier(
      { DATABASE_URL: database.url, REDIS_URL: redis.url, ALERT_WEBHOOK_URL: webhooks.url },
      // A minute between retries: a failed delivery waits in Redis when the data goes.
      { queuePrefix: testQueuePrefix('sweeper'), clock: new ManualClock(NOW), backoffMs: 60_000 },
    );
  }, 30_000);

  afterAll(async () => {
    await notifier?.close();
    admin?.disconnect();
    await redis?.stop();
    await webhooks?.stop();
    await database?.drop();
  });

  it('restores lost alerts, deliveries and its own schedule, and re-sends nothing', async () => {
    const sent = await notifier.deadlines.open({ dueOn: '2026-03-10' });
    const lostWhileDelayed = await notifier.deadlines.open({ dueOn: '2026-04-06' });
    const lostWhileRetrying = await notifier.deadlines.open({ dueOn: '2026-03-11' });
    webhooks.failFirst(lostWhileRetrying.caseId, 1);
    await eventually(() => webhooks.callsFor(sent.caseId).length === 1);
    await eventually(() => webhooks.callsFor(lostWhileRetrying.caseId).length === 1);
    await eventually(async () => (await notifier.queues.alerts.getDelayedCount()) === 3);

    await admin.flushall();
    expect(await notifier.queues.sweeps.getJobScheduler('alert-sweep')).toBeUndefined();

    // Past the 14-day warning of 6 April (23 March, 07:00 GMT) and past the retry's grace period.
    notifier.clock.set('2026-03-23T08:00:00Z');
    expect(await notifier.scheduler.ensureScheduled()).toBe(true);
    // The restored scheduler's first sweep runs at once and re-enqueues both lost jobs.
    await eventually(() => webhooks.callsFor(lostWhileDelayed.caseId).length === 1);
    await eventually(() => webhooks.callsFor(lostWhileRetrying.caseId).length === 2);
    expect(await notifier.scheduler.ensureScheduled()).toBe(false);

    // A further sweep finds nothing to restore.
    expect(await notifier.sweeper.sweep()).toEqual({ alerts: 0, deliveries: 0 });
    await quiet(notifier.queues);
    expect(webhooks.callsFor(sent.caseId)).toHaveLength(1);
    expect(webhooks.callsFor(lostWhileDelayed.caseId).map((call) => call.body.kind)).toEqual(['due_soon']);
    const deliveries = await notifier.db.query(
      `select n.case_id as "caseId", d.status, d.attempts from notification_delivery d
         join notification n on n.id = d.notification_id order by n.created_at`,
    );
    expect(deliveries).toEqual(
      expect.arrayContaining([
        { caseId: sent.caseId, status: 'sent', attempts: 1 },
        { caseId: lostWhileRetrying.caseId, status: 'sent', attempts: 2 },
        { caseId: lostWhileDelayed.caseId, status: 'sent', attempts: 1 },
      ]),
    );
    expect(deliveries).toHaveLength(3);
  });

  it('warns at start-up about a Redis that may evict or forget jobs', async () => {
    const check = notifier.app.get(RedisPolicyCheck);
    expect(await check.check()).toEqual([
      'Redis appendonly is off: a Redis restart loses the alert schedule',
    ]);
    await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
    expect(await check.check()).toEqual([
      'Redis maxmemory-policy is allkeys-lru, not noeviction: alert jobs may be evicted',
      'Redis appendonly is off: a Redis restart loses the alert schedule',
    ]);
    await admin.config('SET', 'maxmemory-policy', 'noeviction');
  });
});

import { randomUUID } from 'node:crypto';
import { ManualClock } from '@ehcp/config';
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
// The deadlines were recorded before their alerts were due: each goes at its time or, if past, at once.
const RECORDED = { knownAt: '2026-02-01T12:00:00Z' };

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
    const sent = await notifier.deadlines.open({ dueOn: '2026-03-10', ...RECORDED });
    const lostWhileDelayed = await notifier.deadlines.open({ dueOn: '2026-04-06', ...RECORDED });
    const lostWhileRetrying = await notifier.deadlines.open({ dueOn: '2026-03-11', ...RECORDED });
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

  it('sends the deliveries of a notification committed just before a crash, their jobs never added', async () => {
    // Cancelled since the alert was raised: only its delivery is left to restore, no alert.
    const { id: deadlineId, caseId } = await notifier.deadlines.open({
      dueOn: '2026-01-05',
      cancelled: true,
    });
    const notificationId = randomUUID();
    const raisedAt = notifier.clock.now();
    // What the alert worker's transaction leaves when the process dies before enqueueing deliveries.
    await notifier.db.query(
      `insert into notification (id, deadline_id, case_id, team, kind, warn_days, alert_key, due_on, fire_at, deadline, created_at)
       values ($1, $2, $3, 'north', 'overdue', null, 'overdue', '2026-01-05', $4, $5, $4)`,
      [notificationId, deadlineId, caseId, raisedAt, { id: 'final_plan', kind: 'final_plan' }],
    );
    await notifier.db.query(
      `insert into notification_delivery (notification_id, channel, status, attempts, created_at, updated_at)
       values ($1, 'webhook', 'pending', 0, $2, $2)`,
      [notificationId, raisedAt],
    );
    // Within the grace period a job may still be on its way: left alone.
    expect(await notifier.sweeper.sweep()).toEqual({ alerts: 0, deliveries: 0 });

    notifier.clock.advance(2 * 60_000);
    expect(await notifier.sweeper.sweep()).toEqual({ alerts: 0, deliveries: 1 });
    await eventually(() => webhooks.callsFor(caseId).length === 1);
    expect(webhooks.callsFor(caseId)[0].body).toMatchObject({ id: notificationId, kind: 'overdue' });
    await eventually(
      async () =>
        (
          await notifier.db.query(`select status from notification_delivery where notification_id = $1`, [
            notificationId,
          ])
        )[0].status === 'sent',
    );
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

import { createServer } from 'node:net';
import { LocalDate } from '@js-joda/core';
import { NOTIFICATION_SCHEMA } from '@ehcp/alerts';
import { londonDate } from '@ehcp/config';
import { migrateUnderLock, readModelsDataSourceOptions } from '@ehcp/read-models';
import { DataSource } from 'typeorm';
import { DeadlineRows } from '../apps/notifier/src/testing/deadline-rows';
import { eventually, WEBHOOK_SECRET } from '../apps/notifier/src/testing/notifier.harness';
import { startPrivateRedis, type PrivateRedis } from '../apps/notifier/src/testing/private-redis';
import { WebhookReceiver } from '../apps/notifier/src/testing/webhook-receiver';
import { exited, startAppProcess, waitUntilReady } from './support/app-process';
import { createTestDatabase, type TestDatabase } from './support/test-database';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Issue 7's "done when", from the deadline rows the projection writes (case_deadline and
 * alert_outbox) rather than through the API and projector: the notifier process starts on a
 * database holding a case whose final-plan deadline passed yesterday, and delivers one signed
 * `overdue` webhook within a minute. Real time throughout.
 */
// Starts the notifier as a process: a cold ts-node start on a busy CI machine can take minutes.
jest.setTimeout(300_000);

describe('notifier process: a final plan overdue since yesterday', () => {
  let database: TestDatabase;
  let redis: PrivateRedis;
  let webhooks: WebhookReceiver;

  beforeAll(async () => {
    database = await createTestDatabase('alerts_e2e');
    // A Redis of its own: the process uses the default queue prefix, which other tests' notifiers share.
    redis = await startPrivateRedis();
    webhooks = await new WebhookReceiver(WEBHOOK_SECRET).start();
  }, 120_000);

  afterAll(async () => {
    await webhooks?.stop();
    await redis?.stop();
    await database?.drop();
  });

  it('delivers exactly one signed overdue webhook within a minute of being ready, then stops cleanly', async () => {
    const db = await new DataSource(
      readModelsDataSourceOptions(database.url, NOTIFICATION_SCHEMA),
    ).initialize();
    const today = LocalDate.parse(londonDate(new Date()));
    let caseId: string;
    try {
      await migrateUnderLock(db);
      // Recorded a week before it was breached: the notifier, starting now, sends the breach at once.
      ({ caseId } = await new DeadlineRows(db).open({
        dueOn: today.minusDays(1).toString(),
        knownAt: new Date(Date.now() - 8 * 24 * 3600_000),
      }));
    } finally {
      await db.destroy();
    }

    const port = await freePort();
    const notifier = startAppProcess('notifier', {
      NOTIFIER_PORT: String(port),
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      ALERT_WEBHOOK_URL: webhooks.url,
      ALERT_WEBHOOK_SECRET: WEBHOOK_SECRET,
      // Overdue alerts fire at ALERT_LOCAL_TIME on the day after the due date: midnight makes "now"
      // past it at any hour the test runs (the default 07:00 is covered by the policy's tests).
      ALERT_LOCAL_TIME: '00:00',
    });
    try {
      await waitUntilReady(notifier, `http://127.0.0.1:${port}`);
      await eventually(() => webhooks.callsFor(caseId).length > 0, 60_000);

      // No second call: give retries, sweeps and relays a moment to misbehave.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const calls = webhooks.callsFor(caseId);
      expect(calls).toHaveLength(1);
      expect(calls[0].validSignature).toBe(true);
      expect(calls[0].body).toMatchObject({
        kind: 'overdue',
        caseId,
        deadline: {
          kind: 'final_plan',
          dueOn: today.minusDays(1).toString(),
          status: 'overdue',
          daysRemaining: -1,
        },
      });

      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toContain('ehcp_notifications_created_total{kind="overdue"} 1');
      expect(metrics).toContain('ehcp_notification_deliveries_total{channel="webhook",outcome="sent"} 1');

      notifier.kill('SIGTERM');
      expect(await exited(notifier)).toBe(0);
    } finally {
      notifier.kill('SIGKILL');
    }
  }, 90_000);
});

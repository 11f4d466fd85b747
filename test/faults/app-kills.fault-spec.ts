import { randomUUID } from 'node:crypto';
import { LocalDate } from '@js-joda/core';
import { NOTIFICATION_SCHEMA } from '@ehcp/alerts';
import { londonDate } from '@ehcp/config';
import { readModelsDataSourceOptions } from '@ehcp/read-models';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DeadlineRows } from '../../apps/notifier/src/testing/deadline-rows';
import { WEBHOOK_SECRET, eventually } from '../../apps/notifier/src/testing/notifier.harness';
import { startPrivateRedis, type PrivateRedis } from '../../apps/notifier/src/testing/private-redis';
import { WebhookReceiver } from '../../apps/notifier/src/testing/webhook-receiver';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { FaultSystem, eachAcceptedOnce, newCase, readYourWrite } from './support/fault-system';

jest.setTimeout(300_000);

/** Clients sending commands one after another while the api is killed. */
const CLIENTS = 10;
const OVERDUE = 30;

/**
 * SIGKILL of the api in the middle of a burst of commands, each sent with an Idempotency-Key and no
 * caseId (the api derives it from the key). Clients retry what got no answer: every key ends with one
 * case, whichever attempt committed it. (SIGKILL of the projector mid catch-up is
 * test/projections-processes.e2e-spec.ts; Redis data loss is apps/notifier/src/sweeper/sweeper.int-spec.ts.)
 */
describe('apps killed mid-work', () => {
  let database: TestDatabase;
  let redis: PrivateRedis;
  let webhooks: WebhookReceiver;
  let system: FaultSystem;

  beforeAll(async () => {
    database = await createTestDatabase('faults_kill');
    redis = await startPrivateRedis();
    webhooks = await new WebhookReceiver(WEBHOOK_SECRET).start();
    system = await new FaultSystem({
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      ALERT_WEBHOOK_URL: webhooks.url,
      // What a kill leaves half done (a notification whose deliveries were never queued) the sweeper
      // finishes: sweep every minute rather than five.
      ALERT_SWEEP_MINUTES: '1',
    }).start();
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
    await webhooks?.stop();
    await redis?.stop();
    await database?.drop();
  }, 60_000);

  /** POST /cases under `key` until it answers 2xx; the case id it was given. */
  async function sendUntilAnswered(key: string, body: Record<string, unknown>): Promise<string> {
    for (;;) {
      const response = await system
        .call('/cases', { method: 'POST', body, headers: { 'idempotency-key': key } })
        .catch(() => undefined);
      if (response && response.status < 300) return ((await response.json()) as { caseId: string }).caseId;
      if (response && response.status !== 503)
        throw new Error(`${key}: ${response.status} ${await response.text()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  it('api during a burst of commands: every Idempotency-Key ends with one case with one event', async () => {
    const { caseId: _omitted, ...body } = newCase();
    // Each client sends its next keyed request as soon as the last is answered, until the api is killed:
    // the kill then always lands with requests in flight (a fixed burst could all be answered first).
    const sent: { key: string; caseId?: string }[] = [];
    let killing = false;
    const client = async () => {
      while (!killing) {
        const attempt: { key: string; caseId?: string } = { key: randomUUID() };
        sent.push(attempt);
        const response = await system
          .call('/cases', { method: 'POST', body, headers: { 'idempotency-key': attempt.key } })
          .catch(() => undefined);
        if (response?.status === 201) attempt.caseId = ((await response.json()) as { caseId: string }).caseId;
      }
    };
    const clients = Array.from({ length: CLIENTS }, client);
    await eventually(() => sent.filter((attempt) => attempt.caseId).length >= 5, 60_000);
    killing = true;
    await system.killAndRestart('api');
    await Promise.all(clients);
    expect(sent.filter((attempt) => attempt.caseId === undefined).length).toBeGreaterThan(0);

    // Every client retries its request, answered or not (a lost answer looks the same to it).
    const caseIds = [];
    for (const { key, caseId } of sent) {
      const retried = await sendUntilAnswered(key, body);
      if (caseId) expect(retried).toBe(caseId);
      caseIds.push(retried);
    }
    expect(new Set(caseIds).size).toBe(sent.length);

    const db = new Client({ connectionString: database.url });
    await db.connect();
    try {
      const { rows } = await db.query<{ n: number }>('select count(*)::int as n from es_events');
      expect(rows[0].n).toBe(sent.length);
    } finally {
      await db.end();
    }
    await eachAcceptedOnce(system, caseIds);
    await readYourWrite(system);
    expect(system.exits).toEqual([]);
  });

  it('notifier mid-delivery: every overdue deadline gets one notification, delivered', async () => {
    const db = await new DataSource(
      readModelsDataSourceOptions(database.url, NOTIFICATION_SCHEMA),
    ).initialize();
    const caseIds: string[] = [];
    try {
      const rows = new DeadlineRows(db);
      const yesterday = LocalDate.parse(londonDate(new Date())).minusDays(1).toString();
      // Recorded in time days ago, relayed now (the notifier was down): due at once.
      const knownAt = new Date(Date.now() - 3 * 86_400_000);
      for (let i = 0; i < OVERDUE; i += 1)
        caseIds.push((await rows.open({ dueOn: yesterday, knownAt })).caseId);
      await eventually(() => webhooks.calls.length > 0, 90_000);
      await system.killAndRestart('notifier');
      await eventually(
        () =>
          caseIds.every((caseId) => webhooks.callsFor(caseId).some((call) => call.body.kind === 'overdue')),
        180_000,
      );
      await new Promise((resolve) => setTimeout(resolve, 3_000));

      // One notification per deadline, and the webhook always carried that one (its id is the receiver's
      // de-duplication key: a call cut off by the kill may be repeated, never a second notification).
      const notifications: { case_id: string; n: number }[] = await db.query(
        `select case_id, count(*)::int as n from notification where kind = 'overdue' group by case_id`,
      );
      expect(notifications.filter((row) => row.n !== 1)).toEqual([]);
      expect(notifications).toHaveLength(OVERDUE);
      const overdueIds = (caseId: string) =>
        new Set(
          webhooks
            .callsFor(caseId)
            .filter((call) => call.body.kind === 'overdue')
            .map((call) => call.body.id),
        );
      expect(caseIds.filter((caseId) => overdueIds(caseId).size !== 1)).toEqual([]);
      expect(webhooks.calls.every((call) => call.validSignature)).toBe(true);
    } finally {
      await db.destroy();
    }
    expect(system.exits).toEqual([]);
  });
});

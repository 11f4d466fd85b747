import { randomUUID } from 'node:crypto';
import { ManualClock } from '@ehcp/config';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import {
  WEBHOOK_SECRET,
  eventually,
  startNotifier,
  testQueuePrefix,
  type NotifierHarness,
} from '../testing/notifier.harness';
import { SmtpSink } from '../testing/smtp-sink';
import { WebhookReceiver } from '../testing/webhook-receiver';

const NOW = '2026-01-12T09:00:00Z';
// The deadlines were recorded before they were breached: each overdue alert goes at once.
const RECORDED = { knownAt: '2025-12-01T09:00:00Z' };
const ATTEMPTS = 4;

interface DeliveryRow {
  channel: string;
  status: string;
  attempts: number;
  lastError: string | null;
}

// Real Redis, PostgreSQL and BullMQ timers: generous under a loaded CI machine.
jest.setTimeout(30_000);

describe('deliveries: retries, final failures and channels apart', () => {
  let database: TestDatabase;
  let webhooks: WebhookReceiver;
  let smtp: SmtpSink;
  let notifier: NotifierHarness;

  beforeAll(async () => {
    database = await createTestDatabase('alerts_delivery');
    webhooks = await new WebhookReceiver(WEBHOOK_SECRET).start();
    smtp = await new SmtpSink().start();
    notifier = await startNotifier(
      {
        DATABASE_URL: database.url,
        ALERT_WEBHOOK_URL: webhooks.url,
        SMTP_URL: smtp.url,
        SMTP_FROM: 'alerts@council.example',
        ALERT_TEAM_RECIPIENTS: JSON.stringify({
          north: ['north.manager@council.example'],
          south: ['south.manager@council.example', 'south.deputy@council.example'],
        }),
      },
      { queuePrefix: testQueuePrefix('delivery'), clock: new ManualClock(NOW), deliveryAttempts: ATTEMPTS },
    );
  }, 30_000);

  afterAll(async () => {
    await notifier?.close();
    await webhooks?.stop();
    await smtp?.stop();
    await database?.drop();
  });

  const deliveriesOf = (caseId: string): Promise<DeliveryRow[]> =>
    notifier.db.query(
      `select d.channel, d.status, d.attempts, d.last_error as "lastError"
         from notification_delivery d join notification n on n.id = d.notification_id
        where n.case_id = $1 order by d.channel`,
      [caseId],
    );
  const settled = (caseId: string, channels: number) =>
    eventually(async () => {
      const rows = await deliveriesOf(caseId);
      return rows.length === channels && rows.every((row) => row.status !== 'pending');
    });
  const mailsTo = (caseId: string) => smtp.mails.filter((mail) => mail.raw.includes(caseId));

  it('delivers to a webhook receiver that fails the first attempts, after retries', async () => {
    const { caseId } = await notifier.deadlines.open({ dueOn: '2026-01-05', ...RECORDED });
    webhooks.failFirst(caseId, 2);
    await settled(caseId, 2);

    expect(await deliveriesOf(caseId)).toEqual([
      { channel: 'email', status: 'sent', attempts: 1, lastError: null },
      { channel: 'webhook', status: 'sent', attempts: 3, lastError: 'webhook answered 503' },
    ]);
    const calls = webhooks.callsFor(caseId);
    expect(calls).toHaveLength(3);
    expect(calls.every((call) => call.validSignature)).toBe(true);
    expect(new Set(calls.map((call) => call.body.id)).size).toBe(1);
  });

  it('records a final failure of a receiver that always fails; the other channels still deliver', async () => {
    const { caseId } = await notifier.deadlines.open({ dueOn: '2026-01-06', ...RECORDED });
    webhooks.failFirst(caseId, Infinity);
    await settled(caseId, 2);

    expect(await deliveriesOf(caseId)).toEqual([
      { channel: 'email', status: 'sent', attempts: 1, lastError: null },
      { channel: 'webhook', status: 'failed', attempts: ATTEMPTS, lastError: 'webhook answered 503' },
    ]);
    expect(webhooks.callsFor(caseId)).toHaveLength(ATTEMPTS);
    expect(mailsTo(caseId)).toHaveLength(1);
    // The in-app list is the notification row itself.
    expect(await notifier.db.query(`select kind from notification where case_id = $1`, [caseId])).toEqual([
      { kind: 'overdue' },
    ]);
  });

  it("e-mails the case's caseworker and the team's recipients, with ids and dates only", async () => {
    const [south1, north1] = [randomUUID(), randomUUID()];
    await notifier.deadlines.assignCaseworker(south1, 'south', 'casey.worker@council.example');
    await notifier.db.query(
      `insert into caseworker_email (caseworker_id, email) values ('cw-7', 'sam@council.example')`,
    );
    await notifier.deadlines.assignCaseworker(north1, 'north', 'cw-7');
    const byAddress = await notifier.deadlines.open({
      caseId: south1,
      dueOn: '2026-01-07',
      team: 'south',
      ...RECORDED,
    });
    const byDirectory = await notifier.deadlines.open({ caseId: north1, dueOn: '2026-01-08', ...RECORDED });
    await eventually(
      () => mailsTo(byAddress.caseId).length === 1 && mailsTo(byDirectory.caseId).length === 1,
    );

    const [south] = mailsTo(byAddress.caseId);
    expect(south.from).toBe('alerts@council.example');
    expect(south.to.sort()).toEqual([
      'casey.worker@council.example',
      'south.deputy@council.example',
      'south.manager@council.example',
    ]);
    expect(south.raw.replace(/\r\n(?=[ \t])/g, '')).toContain(
      `Subject: Deadline missed: Issue the final plan, due 2026-01-07 (case ${byAddress.caseId})`,
    );
    expect(south.raw).toContain('Date: Mon, 12 Jan 2026 09:00:00 +0000');
    expect(mailsTo(byDirectory.caseId)[0].to.sort()).toEqual([
      'north.manager@council.example',
      'sam@council.example',
    ]);
  });
});

import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { ManualClock } from '@ehcp/config';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import {
  eventually,
  quiet,
  startNotifier,
  testQueuePrefix,
  type NotifierHarness,
} from '../testing/notifier.harness';
import { SmtpSink, type ReceivedMail } from '../testing/smtp-sink';

// Tuesday 10 March 2026, 09:00 in London (GMT): after the day's 07:00 digest.
const NOW = '2026-03-10T09:00:00Z';
// The deadlines were recorded before they were breached: each overdue alert is raised at once.
const RECORDED = { knownAt: '2026-02-01T09:00:00Z' };
const MANAGER = 'north.manager@council.example';
const CASEWORKER = 'casey.worker@council.example';

// Real Redis, PostgreSQL and an SMTP server: generous under a loaded CI machine.
jest.setTimeout(30_000);

describe('ALERT_EMAIL_MODE=digest: one e-mail a day per recipient', () => {
  let database: TestDatabase;
  let smtp: SmtpSink;
  let notifier: NotifierHarness;

  beforeAll(async () => {
    database = await createTestDatabase('alerts_digest');
    smtp = await new SmtpSink().start();
    notifier = await startNotifier(
      {
        DATABASE_URL: database.url,
        SMTP_URL: smtp.url,
        SMTP_FROM: 'alerts@council.example',
        ALERT_EMAIL_MODE: 'digest',
        ALERT_TEAM_RECIPIENTS: JSON.stringify({ north: [MANAGER] }),
      },
      { queuePrefix: testQueuePrefix('digest'), clock: new ManualClock(NOW) },
    );
  }, 30_000);

  afterAll(async () => {
    await notifier?.close();
    await smtp?.stop();
    await database?.drop();
  });

  const raised = async (count: number) => {
    await eventually(
      async () =>
        (await notifier.db.query(`select 1 from notification`)).length === count &&
        (await notifier.db.query(`select 1 from alert_outbox where relayed_at is null`)).length === 0,
    );
    await quiet(notifier.queues);
  };
  const mailTo = (address: string): ReceivedMail[] => smtp.mails.filter((mail) => mail.to.includes(address));
  // Quoted-printable soft breaks first: one may fall just before a space, which header unfolding would eat.
  const unfolded = (mail: ReceivedMail) => mail.raw.replace(/=\r\n/g, '').replace(/\r\n(?=[ \t])/g, '');

  it("lists the alerts raised since the last digest, at the next day's 07:00, once", async () => {
    const [withCaseworker, teamOnly] = [randomUUID(), randomUUID()];
    await notifier.deadlines.assignCaseworker(withCaseworker, 'north', CASEWORKER);
    await notifier.db.query(`update case_summary set reference = 'EHC-0042' where case_id = $1`, [
      withCaseworker,
    ]);
    const first = await notifier.deadlines.open({ caseId: withCaseworker, dueOn: '2026-03-02', ...RECORDED });
    const second = await notifier.deadlines.open({ caseId: teamOnly, dueOn: '2026-03-03', ...RECORDED });
    await raised(2);
    // No e-mail per alert, and none yet: today's digest went at 07:00, before these alerts.
    expect(await notifier.db.query(`select 1 from notification_delivery where channel = 'email'`)).toEqual(
      [],
    );
    expect(await notifier.digests.run()).toEqual({ opened: 0, sent: 0, failed: 0 });
    notifier.clock.set('2026-03-11T07:00:30Z');
    expect(await notifier.digests.run()).toEqual({ opened: 0, sent: 0, failed: 0 });
    expect(smtp.mails).toEqual([]);

    // Wednesday 07:01 (07:00 and the minute's grace): one e-mail per recipient, however many sweeps.
    notifier.clock.set('2026-03-11T07:01:00Z');
    const runs = await Promise.all([notifier.digests.run(), notifier.digests.run()]);
    expect(runs.reduce((sum, run) => sum + run.opened, 0)).toBe(2);
    expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(2);
    expect(await notifier.digests.run()).toEqual({ opened: 0, sent: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(2);

    const [toManager] = mailTo(MANAGER);
    const [toCaseworker] = mailTo(CASEWORKER);
    expect(toManager.to).toEqual([MANAGER]);
    expect(toManager.from).toBe('alerts@council.example');
    const managerText = unfolded(toManager);
    expect(managerText).toContain('Subject: EHCP deadline alerts for 2026-03-11: 2 missed, 0 due soon');
    expect(managerText).toContain(
      `Issue the final plan (final_plan) due 2026-03-02, case EHC-0042 ${first.caseId} (team north)`,
    );
    expect(managerText).toContain(
      `Issue the final plan (final_plan) due 2026-03-03, case ${second.caseId} (team north)`,
    );
    const ids: { id: string }[] = await notifier.db.query(`select id from notification`);
    for (const { id } of ids) expect(managerText).toContain(id);
    expect(unfolded(toCaseworker)).toContain(first.caseId);
    expect(unfolded(toCaseworker)).not.toContain(second.caseId);

    // A later alert of the day waits for Thursday's digest, alone.
    notifier.clock.set('2026-03-11T08:00:00Z');
    const third = await notifier.deadlines.open({ dueOn: '2026-03-04', ...RECORDED });
    await raised(3);
    expect(await notifier.digests.run()).toEqual({ opened: 0, sent: 0, failed: 0 });
    notifier.clock.set('2026-03-12T07:05:00Z');
    expect(await notifier.digests.run()).toEqual({ opened: 1, sent: 1, failed: 0 });
    const thursday = mailTo(MANAGER)[1];
    expect(unfolded(thursday)).toContain(
      'Subject: EHCP deadline alerts for 2026-03-12: 1 missed, 0 due soon',
    );
    expect(unfolded(thursday)).toContain(third.caseId);
    expect(unfolded(thursday)).not.toContain(first.caseId);
    expect(smtp.mails).toHaveLength(3);
    const digests = await notifier.db.query(
      `select recipient, digest_on::text as "digestOn", status, attempts from alert_digest order by 2, 1`,
    );
    expect(digests).toEqual([
      { recipient: CASEWORKER, digestOn: '2026-03-11', status: 'sent', attempts: 1 },
      { recipient: MANAGER, digestOn: '2026-03-11', status: 'sent', attempts: 1 },
      { recipient: MANAGER, digestOn: '2026-03-12', status: 'sent', attempts: 1 },
    ]);
  });
});

describe('ALERT_EMAIL_MODE=digest: an SMTP server that never answers', () => {
  let database: TestDatabase;
  let notifier: NotifierHarness;

  beforeAll(async () => {
    database = await createTestDatabase('alerts_digest_fail');
    notifier = await startNotifier(
      {
        DATABASE_URL: database.url,
        SMTP_URL: `smtp://127.0.0.1:${await closedPort()}`,
        ALERT_EMAIL_MODE: 'digest',
        ALERT_TEAM_RECIPIENTS: JSON.stringify({ north: [MANAGER] }),
      },
      { queuePrefix: testQueuePrefix('digest-fail'), clock: new ManualClock(NOW), deliveryAttempts: 2 },
    );
  }, 30_000);

  afterAll(async () => {
    await notifier?.close();
    await database?.drop();
  });

  it('retries the digest on later sweeps and records the final failure', async () => {
    await notifier.deadlines.open({ dueOn: '2026-03-02', ...RECORDED });
    await eventually(async () => (await notifier.db.query(`select 1 from alert_digest_item`)).length === 1);
    notifier.clock.set('2026-03-11T07:01:00Z');
    expect(await notifier.digests.run()).toEqual({ opened: 1, sent: 0, failed: 0 });
    expect(await notifier.digests.run()).toEqual({ opened: 0, sent: 0, failed: 1 });
    expect(await notifier.digests.run()).toEqual({ opened: 0, sent: 0, failed: 0 });
    const [digest] = await notifier.db.query(
      `select status, attempts, last_error is not null as "hasError" from alert_digest`,
    );
    expect(digest).toEqual({ status: 'failed', attempts: 2, hasError: true });
  });
});

/** A port nothing listens on: connections to it are refused. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

import { alertJobId } from '@ehcp/alerts';
import { ManualClock } from '@ehcp/config';
import type { AlertOutcome } from './alert.processor';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import {
  WEBHOOK_SECRET,
  eventually,
  promoteDue,
  quiet,
  startNotifier,
  testQueuePrefix,
  type NotifierHarness,
} from '../testing/notifier.harness';
import { WebhookReceiver } from '../testing/webhook-receiver';

// 1 July 2026, 10:00 in London (BST).
const NOW = '2026-07-01T09:00:00Z';
// The next ALERT_LOCAL_TIME (07:00 BST): when alerts of a deadline first known at NOW, already due then, go.
const NEXT_MORNING = '2026-07-02T06:00:00Z';
// Before every alert of the deadlines below: recorded in time, relayed now (the notifier catching up).
const LONG_KNOWN = { knownAt: '2026-05-01T09:00:00Z' };

// Real Redis, PostgreSQL and BullMQ timers: generous under a loaded CI machine.
jest.setTimeout(120_000);

describe('alert flow: outbox -> relay -> alert job -> notification -> webhook', () => {
  let database: TestDatabase;
  let webhooks: WebhookReceiver;
  let notifier: NotifierHarness;

  beforeAll(async () => {
    database = await createTestDatabase('alerts_flow');
    webhooks = await new WebhookReceiver(WEBHOOK_SECRET).start();
    notifier = await startNotifier(
      { DATABASE_URL: database.url, ALERT_WEBHOOK_URL: webhooks.url },
      { queuePrefix: testQueuePrefix('flow'), clock: new ManualClock(NOW) },
    );
  }, 30_000);

  afterAll(async () => {
    await notifier?.close();
    await webhooks?.stop();
    await database?.drop();
  });

  let outcomes: () => Promise<AlertOutcome[]>;
  beforeEach(() => {
    notifier.clock.set(NOW);
    const process = jest.spyOn(notifier.processor, 'process');
    outcomes = () => Promise.all(process.mock.results.map((result) => result.value as Promise<AlertOutcome>));
  });
  afterEach(() => jest.restoreAllMocks());

  const notificationsOf = (deadlineId: string) =>
    notifier.db.query<{ kind: string; dueOn: string; alertKey: string }[]>(
      `select kind, due_on::text as "dueOn", alert_key as "alertKey" from notification where deadline_id = $1`,
      [deadlineId],
    );
  /** A due-soon job as an earlier schedule left it: the processor re-checks the deadline before any alert. */
  const addStrayWarning = (
    deadlineId: string,
    caseId: string,
    warnDays: number,
    dueOn: string,
    fireAt: string,
  ) =>
    notifier.queues.addAlerts([
      {
        data: { deadlineId, caseId, kind: 'due_soon', warnDays, key: `due_soon-${warnDays}`, dueOn, fireAt },
        delay: 0,
      },
    ]);
  const jobIds = async () =>
    (await notifier.queues.alerts.getJobs(['delayed', 'waiting', 'active'])).map((j) => j.id);

  it('sends exactly one signed overdue webhook, however often the job is added', async () => {
    const { id, caseId } = await notifier.deadlines.open({ dueOn: '2026-06-29', ...LONG_KNOWN });
    await eventually(() => webhooks.callsFor(caseId).length === 1);

    // The same alert added three more times, one after another and at once: already raised.
    const data = (
      await notifier.db.query(`select due_on::text as "dueOn" from case_deadline where id = $1`, [id])
    )[0];
    const job = {
      data: {
        deadlineId: id,
        caseId,
        kind: 'overdue' as const,
        warnDays: null,
        key: 'overdue',
        dueOn: data.dueOn,
        fireAt: '2026-06-30T06:00:00.000Z',
      },
      delay: 0,
    };
    await notifier.queues.addAlerts([job]);
    await Promise.all([notifier.queues.addAlerts([job]), notifier.queues.addAlerts([job])]);
    await quiet(notifier.queues);

    expect(await notificationsOf(id)).toEqual([
      { kind: 'overdue', dueOn: '2026-06-29', alertKey: 'overdue' },
    ]);
    const [call] = webhooks.callsFor(caseId);
    expect(webhooks.callsFor(caseId)).toHaveLength(1);
    expect(call.validSignature).toBe(true);
    expect(call.headers['x-ehcp-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(call.body).toEqual({
      id: expect.any(String),
      kind: 'overdue',
      caseId,
      team: 'north',
      deadline: {
        id: 'final_plan',
        kind: 'final_plan',
        title: 'Issue the final plan',
        ref: null,
        startsOn: '2026-02-09',
        dueOn: '2026-06-29',
        metOn: null,
        cancelsOn: null,
        status: 'overdue',
        daysRemaining: -2,
        exceptionApplies: false,
        rule: 'SEND Regs 2014 reg 13(2)',
      },
      sentAt: NOW.replace('Z', '.000Z'),
    });
  });

  it('never re-sends after a projection rebuild re-writes the outbox', async () => {
    const { id, caseId } = await notifier.deadlines.open({ dueOn: '2026-06-20', ...LONG_KNOWN });
    await eventually(() => webhooks.callsFor(caseId).length === 1);

    await notifier.deadlines.rebuild();
    await eventually(
      async () =>
        (await notifier.db.query(`select 1 from alert_outbox where relayed_at is null`)).length === 0,
    );
    await quiet(notifier.queues);

    // Every deadline of the file was re-relayed; each alert found its notification raised already.
    const [first, ...again] = await outcomes();
    expect(first).toBe('notified');
    expect(again.length).toBeGreaterThan(0);
    expect(again.every((outcome) => outcome === 'duplicate')).toBe(true);
    expect(await notificationsOf(id)).toHaveLength(1);
    expect(webhooks.callsFor(caseId)).toHaveLength(1);
  });

  it('sends nothing about a deadline met before its warning time', async () => {
    const { id, caseId } = await notifier.deadlines.open({ dueOn: '2026-08-31' });
    await eventually(async () => (await jobIds()).includes(alertJobId(id, 'due_soon-14', '2026-08-31')));

    await notifier.deadlines.meet(id, '2026-07-01');
    await eventually(async () =>
      (await jobIds()).every((jobId) => !jobId?.startsWith(encodeURIComponent(id))),
    );

    // Weeks later: neither the sweeper nor a stray job finds anything to say.
    notifier.clock.set('2026-09-15T09:00:00Z');
    await notifier.sweeper.sweep();
    await addStrayWarning(id, caseId, 14, '2026-08-31', '2026-08-17T06:00:00.000Z');
    await quiet(notifier.queues);
    expect(await outcomes()).toEqual(['closed']);
    expect(await notificationsOf(id)).toEqual([]);
    expect(webhooks.callsFor(caseId)).toEqual([]);
  });

  it('raises nothing for a deadline met between the job reading it and writing the notification', async () => {
    const { id, caseId } = await notifier.deadlines.open({ dueOn: '2026-08-31' });
    await eventually(async () => (await jobIds()).includes(alertJobId(id, 'due_soon-14', '2026-08-31')));
    const reader = notifier.processor['deadlines'];
    const asReadBeforeTheMeeting = await reader.find(id);
    await notifier.deadlines.meet(id, '2026-07-01');
    await eventually(async () =>
      (await jobIds()).every((jobId) => !jobId?.startsWith(encodeURIComponent(id))),
    );

    // A job that read the deadline just before the projector met it: the write sees the change.
    jest.spyOn(reader, 'find').mockResolvedValueOnce(asReadBeforeTheMeeting);
    notifier.clock.set('2026-08-17T09:00:00Z');
    await addStrayWarning(id, caseId, 14, '2026-08-31', '2026-08-17T06:00:00.000Z');
    await quiet(notifier.queues);
    expect(await outcomes()).toEqual(['changed']);
    expect(await notificationsOf(id)).toEqual([]);
    expect(webhooks.callsFor(caseId)).toEqual([]);
  });

  it('drops the alerts of a deadline that moves and fires the new one', async () => {
    const { id, caseId } = await notifier.deadlines.open({ dueOn: '2026-07-20' });
    const oldJobs = ['due_soon-14', 'due_soon-5', 'overdue'].map((key) => alertJobId(id, key, '2026-07-20'));
    await eventually(async () => {
      const scheduled = await jobIds();
      return oldJobs.every((jobId) => scheduled.includes(jobId));
    });

    // Corrected to an earlier due date that has already passed: overdue at the next 07:00, not at once.
    await notifier.deadlines.move(id, '2026-06-25');
    const newOverdue = alertJobId(id, 'overdue', '2026-06-25');
    await eventually(async () => (await notifier.queues.alerts.getJobState(newOverdue)) === 'delayed');
    const remaining = await jobIds();
    expect(oldJobs.filter((jobId) => remaining.includes(jobId))).toEqual([]);
    expect(webhooks.callsFor(caseId)).toEqual([]);
    notifier.clock.set(NEXT_MORNING);
    expect(await promoteDue(notifier)).toEqual([newOverdue]);
    await eventually(() => webhooks.callsFor(caseId).length === 1);

    // An old job that escaped removal (it was running) finds the deadline moved.
    notifier.clock.set('2026-07-16T09:00:00Z');
    await addStrayWarning(id, caseId, 5, '2026-07-20', '2026-07-15T06:00:00.000Z');
    await quiet(notifier.queues);

    expect(await notificationsOf(id)).toEqual([
      { kind: 'overdue', dueOn: '2026-06-25', alertKey: 'overdue' },
    ]);
    expect(webhooks.callsFor(caseId).map((call) => [call.body.kind, call.body.deadline.dueOn])).toEqual([
      ['overdue', '2026-06-25'],
    ]);
  });

  it('raises a warning when its time comes, and only the latest of several missed ones', async () => {
    const { id, caseId } = await notifier.deadlines.open({ dueOn: '2026-07-10' });
    // 14 days before 10 July was 26 June, before the deadline was known: the 14-day warning goes at the
    // next 07:00, not at once; the 5-day one waits for its own time.
    const fourteenDays = alertJobId(id, 'due_soon-14', '2026-07-10');
    await eventually(async () => (await notifier.queues.alerts.getJobState(fourteenDays)) === 'delayed');
    expect(webhooks.callsFor(caseId)).toEqual([]);
    notifier.clock.set(NEXT_MORNING);
    expect(await promoteDue(notifier)).toEqual([fourteenDays]);
    await eventually(() => webhooks.callsFor(caseId).length === 1);
    expect(webhooks.callsFor(caseId)[0].body.kind).toBe('due_soon');
    expect(await notificationsOf(id)).toEqual([
      { kind: 'due_soon', dueOn: '2026-07-10', alertKey: 'due_soon-14' },
    ]);
    const fiveDays = alertJobId(id, 'due_soon-5', '2026-07-10');
    expect(await notifier.queues.alerts.getJobState(fiveDays)).toBe('delayed');
  });

  it('sends a breach first known after its time at the next 07:00, after re-checking the deadline', async () => {
    // Recorded today, due 10 June: overdue since 11 June, before anyone knew of the deadline.
    const late = await notifier.deadlines.open({ dueOn: '2026-06-10' });
    const metNext = await notifier.deadlines.open({ dueOn: '2026-06-10' });
    const lateOverdue = alertJobId(late.id, 'overdue', '2026-06-10');
    await eventually(async () => (await notifier.queues.alerts.getJobState(lateOverdue)) === 'delayed');
    // The next step of the second case, recorded a few seconds later, met its deadline in time.
    notifier.clock.set('2026-07-01T09:00:05Z');
    await notifier.deadlines.meet(metNext.id, '2026-06-05');
    await eventually(async () =>
      (await jobIds()).every((jobId) => !jobId?.startsWith(encodeURIComponent(metNext.id))),
    );

    // Neither a sweep before 07:00 nor a job that runs early sends anything.
    notifier.clock.set('2026-07-02T05:59:59Z');
    expect(await notifier.sweeper.sweep()).toEqual({ alerts: 0, deliveries: 0 });
    await (await notifier.queues.alerts.getJob(lateOverdue))?.promote();
    await quiet(notifier.queues);
    expect(webhooks.callsFor(late.caseId)).toEqual([]);

    notifier.clock.set(NEXT_MORNING);
    await promoteDue(notifier);
    await eventually(() => webhooks.callsFor(late.caseId).length === 1);
    await notifier.sweeper.sweep();
    await quiet(notifier.queues);
    expect(webhooks.callsFor(late.caseId).map((call) => call.body.kind)).toEqual(['overdue']);
    expect(await notificationsOf(metNext.id)).toEqual([]);
    expect(webhooks.callsFor(metNext.caseId)).toEqual([]);
  });

  // (2nd ed.) DOMAIN.md "Cessation": the deadlines of a plan under a decision to cease stay open until
  // the day it ceases and are cancelled from that day: due 20 July, the plan ceasing on 21 July (the day
  // its breach would fire), the warnings go out and the breach never does.
  it('sends the warnings of a deadline a pending cessation cancels before its breach, and no breach', async () => {
    const { id, caseId } = await notifier.deadlines.open({ dueOn: '2026-07-20' });
    const job = (key: string) => alertJobId(id, key, '2026-07-20');
    await eventually(async () => (await notifier.queues.alerts.getJobState(job('overdue'))) === 'delayed');

    // The decision to cease is recorded: the projector writes the day as an outbox change.
    await notifier.deadlines.ceaseOn(id, '2026-07-21');
    await eventually(async () => (await notifier.queues.alerts.getJobState(job('overdue'))) === 'unknown');
    expect(await notifier.queues.alerts.getJobState(job('due_soon-14'))).toBe('delayed');

    notifier.clock.set('2026-07-06T09:00:00Z');
    const ours = (jobIds: string[]) => jobIds.filter((jobId) => jobId.startsWith(encodeURIComponent(id)));
    expect(ours(await promoteDue(notifier))).toEqual([job('due_soon-14')]);
    await eventually(() => webhooks.callsFor(caseId).length === 1);
    notifier.clock.set('2026-07-15T09:00:00Z');
    expect(ours(await promoteDue(notifier))).toEqual([job('due_soon-5')]);
    await eventually(() => webhooks.callsFor(caseId).length === 2);
    expect(webhooks.callsFor(caseId)[1].body.deadline).toMatchObject({
      cancelsOn: '2026-07-21',
      status: 'due_soon',
    });

    // The day the plan ceases: neither the sweeper nor a stray breach job finds anything to say.
    notifier.clock.set('2026-07-21T09:00:00Z');
    expect(await notifier.sweeper.sweep()).toEqual({ alerts: 0, deliveries: 0 });
    await notifier.queues.addAlerts([
      {
        data: {
          deadlineId: id,
          caseId,
          kind: 'overdue',
          warnDays: null,
          key: 'overdue',
          dueOn: '2026-07-20',
          fireAt: '2026-07-21T06:00:00.000Z',
        },
        delay: 0,
      },
    ]);
    await quiet(notifier.queues);
    expect((await outcomes()).at(-1)).toBe('closed');
    expect(await notificationsOf(id)).toEqual([
      { kind: 'due_soon', dueOn: '2026-07-20', alertKey: 'due_soon-14' },
      { kind: 'due_soon', dueOn: '2026-07-20', alertKey: 'due_soon-5' },
    ]);
    expect(webhooks.callsFor(caseId).map((call) => call.body.kind)).toEqual(['due_soon', 'due_soon']);
  });
});

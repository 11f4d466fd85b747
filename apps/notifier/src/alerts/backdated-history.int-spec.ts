import { randomUUID } from 'node:crypto';
import { nextLocalTimeAfter } from '@ehcp/alerts';
import { ManualClock, londonDate } from '@ehcp/config';
import { decide, replay, type EhcpCaseCommand, type EhcpCaseEvent } from '@ehcp/domain';
import { ProjectionHarness } from '../../../../test/support/projection.harness';
import {
  promoteDue,
  quiet,
  eventually,
  startNotifier,
  testQueuePrefix,
  type NotifierHarness,
} from '../testing/notifier.harness';

// Real PostgreSQL (event store, projector, outbox), Redis and BullMQ: generous on a busy machine.
jest.setTimeout(60_000);

type Step = Omit<EhcpCaseCommand, 'today'>;

/**
 * Issue 12, finding 6: a council records a case after the fact, a step at a time from its paper file
 * (as `npm run demo` and an import do): request on Monday 6 January 2025, then each later step a few
 * seconds after the last, the projector and the notifier's relay and workers running in between.
 * Every deadline but the annual review was met in time or cancelled by the next step; DESIGN.md: an
 * alert already due when its deadline became known waits for the next ALERT_LOCAL_TIME and is
 * re-checked then, so none of them raises a breach.
 */
describe('a case history recorded in one sitting, all dates in the past', () => {
  let projection: ProjectionHarness;
  let notifier: NotifierHarness;
  const [planned, refused] = [randomUUID(), randomUUID()];
  const recorded = new Map<string, EhcpCaseEvent[]>();

  beforeAll(async () => {
    projection = await ProjectionHarness.start('alerts_backdated');
    // The notifier's clock stands at the start of the sitting: the outbox rows (written with the
    // database's clock) are all at or after it.
    notifier = await startNotifier(
      { DATABASE_URL: projection.database.url },
      { queuePrefix: testQueuePrefix('backdated'), clock: new ManualClock(new Date()) },
    );
  }, 60_000);

  afterAll(async () => {
    await notifier?.close();
    await projection?.close();
  });

  /** Decides the command on the case as recorded so far, appends, projects and lets the notifier act. */
  async function record(caseId: string, step: Step): Promise<void> {
    const command = { ...step, today: londonDate(new Date()) } as EhcpCaseCommand;
    const history = recorded.get(caseId) ?? [];
    const events = decide(command, replay(history));
    recorded.set(caseId, [...history, ...events]);
    await projection.append(caseId, events);
    await projection.project();
    await eventually(
      async () =>
        (await notifier.db.query(`select 1 from alert_outbox where relayed_at is null`)).length === 0,
    );
    await quiet(notifier.queues);
  }

  const notifications = () =>
    notifier.db.query<{ caseId: string; deadline: string; kind: string; dueOn: string }[]>(
      `select case_id as "caseId", deadline->>'id' as deadline, kind, due_on::text as "dueOn"
         from notification order by created_at`,
    );
  const request = (caseId: string, requestReceivedOn: string): Step => ({
    type: 'ReceiveRequest',
    data: {
      caseId,
      team: 'north',
      requestReceivedOn,
      requestedBy: 'parent',
      child: { firstName: 'Test', lastName: 'Child', dateOfBirth: '2018-03-01' },
    },
  });

  it('raises no breach for a deadline met in time or cancelled, and one for the review still overdue', async () => {
    await record(planned, request(planned, '2025-01-06'));
    await record(planned, {
      type: 'DecideAssessment',
      data: { decision: 'assess', decidedOn: '2025-02-10' },
    });
    await record(planned, {
      type: 'RequestAdvice',
      data: { adviceId: 'adv-1', source: 'educational_psychology', requestedOn: '2025-02-11' },
    });
    await record(planned, { type: 'ReceiveAdvice', data: { adviceId: 'adv-1', receivedOn: '2025-03-18' } });
    await record(planned, { type: 'DecidePlan', data: { decision: 'issue', decidedOn: '2025-03-31' } });
    await record(planned, { type: 'IssueDraftPlan', data: { issuedOn: '2025-04-07' } });
    // Within 20 weeks of the request (26 May 2025): final_plan met; annual_review due 11 May 2026.
    await record(planned, {
      type: 'IssueFinalPlan',
      data: { issuedOn: '2025-05-12', placement: { institution: 'Riverside Academy', type: 'mainstream' } },
    });

    // A second case, refused in time: the refusal cancels plan_decision and final_plan (reg 5).
    await record(refused, request(refused, '2025-02-03'));
    await record(refused, {
      type: 'DecideAssessment',
      data: { decision: 'refuse', decidedOn: '2025-03-10' },
    });

    // While the history was being recorded nothing was said about any deadline.
    expect(await notifications()).toEqual([]);
    const deadlines = await projection.query<{
      caseId: string;
      kind: string;
      metOn: string | null;
      cancelled: boolean;
    }>(
      `select case_id as "caseId", kind, met_on::text as "metOn", cancelled from case_deadline order by kind`,
    );
    expect(deadlines).toEqual(
      expect.arrayContaining([
        { caseId: planned, kind: 'advice', metOn: '2025-03-18', cancelled: false },
        { caseId: planned, kind: 'annual_review', metOn: null, cancelled: false },
        { caseId: planned, kind: 'decision_to_assess', metOn: '2025-02-10', cancelled: false },
        { caseId: planned, kind: 'final_plan', metOn: '2025-05-12', cancelled: false },
        // DOMAIN.md 2nd ed.: the decision to issue cancels plan_decision (reg 10(1)).
        { caseId: planned, kind: 'plan_decision', metOn: null, cancelled: true },
        { caseId: refused, kind: 'decision_to_assess', metOn: '2025-03-10', cancelled: false },
        { caseId: refused, kind: 'final_plan', metOn: null, cancelled: true },
        { caseId: refused, kind: 'plan_decision', metOn: null, cancelled: true },
      ]),
    );
    expect(deadlines).toHaveLength(8);

    // The next 07:00 in London after the last step: the review, still open, is overdue; once only.
    const [{ last }] = await notifier.db.query<{ last: Date }[]>(
      `select max(created_at) as last from alert_outbox`,
    );
    notifier.clock.set(nextLocalTimeAfter(last, '07:00'));
    await promoteDue(notifier);
    await notifier.sweeper.sweep();
    await quiet(notifier.queues);
    notifier.clock.advance(24 * 3600_000);
    await promoteDue(notifier);
    await notifier.sweeper.sweep();
    await quiet(notifier.queues);

    expect(await notifications()).toEqual([
      { caseId: planned, deadline: 'annual_review', kind: 'overdue', dueOn: '2026-05-11' },
    ]);
  });
});

import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { on } from '../../../../libs/domain/src/testing/case-events';
import { ProjectionHarness } from '../../../../test/support/projection.harness';
import { writeAlerts } from '../engine/alert-outbox.writer';
import { connectSqlClient } from '../engine/sql-client';
import { rebuildProjections } from './projections.rebuild';

/**
 * A deadline rule changed in code (DOMAIN.md second edition) reaches the existing read models through
 * `npm run projections:rebuild`, and the rebuild's alert diff takes the notifier from what the old
 * rules raised to what the new ones raise.
 *
 * The first-edition rules are no longer in the code, so the live read models are first built by the
 * projector under the current rules, then set back to what the first-edition projector had written
 * for the same events (rows and outbox rows, spelled out below: the values the first-edition
 * `deadlinesOf` gives for these events, checked by running it before the change). The rebuild must then bring every row back to what the current
 * rules build, and write outbox rows exactly for the deadlines whose alerting changed.
 */
describe('projections rebuild after the second-edition deadline rules', () => {
  let harness: ProjectionHarness;
  const issuedInWeek17 = randomUUID();
  const meetingOnly = randomUUID();
  const lateException = randomUUID();
  let built: Record<string, unknown[]>;
  let outboxBefore: number;

  const id = (caseId: string, deadline: string) => `${caseId}/${deadline}`;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    harness = await ProjectionHarness.start('rm_rules_change');
    // Change 2: the decision to issue, in week 17 (plan_decision was due 22 Dec 2025).
    await harness.append(issuedInWeek17, [
      on.requestReceived({ caseId: issuedInWeek17, requestReceivedOn: '2025-09-01' }),
      on.assessed('2025-10-06'),
      on.toIssue('2025-12-30'),
    ]);
    // Change 3: a plan issued on 10 Jan 2025, its review meeting held on 20 Dec 2025, no decision yet.
    await harness.append(meetingOnly, [
      on.requestReceived({ caseId: meetingOnly, requestReceivedOn: '2024-08-01' }),
      on.assessed('2024-09-01'),
      on.toIssue('2024-11-01'),
      on.draftIssued('2024-11-04'),
      on.finalIssued('2025-01-10'),
      on.reviewHeld('rev-1', '2025-12-20'),
    ]);
    // Change 1: exceptional circumstances from 1 Feb 2026, after both open deadlines were due.
    await harness.append(lateException, [
      on.requestReceived({ caseId: lateException, requestReceivedOn: '2025-09-01' }),
      on.assessed('2025-10-06'),
      on.exception('exceptional_personal_circumstances', '2026-02-01', '2026-02-10'),
    ]);
    await harness.project();
    built = await harness.snapshot();

    // What the first-edition projector had written instead.
    // Change 2: the decision to issue met plan_decision (late); no alert was pending either way.
    const metByIssue = `update case_deadline set met_on = $2, cancelled = false, cancelled_on = null where id = $1`;
    await harness.query(metByIssue, [id(issuedInWeek17, 'plan_decision'), '2025-12-30']);
    await harness.query(metByIssue, [id(meetingOnly, 'plan_decision'), '2024-11-01']);
    // Change 3: the meeting met the first annual review and started the next 12 months from itself.
    await harness.query(`update case_deadline set met_on = '2025-12-20' where id = $1`, [
      id(meetingOnly, 'annual_review'),
    ]);
    await harness.query(
      `insert into case_deadline (id, case_id, team, kind, ref, starts_on, due_on, met_on, cancelled,
                                  cancelled_on, exception_applies, rule, revision)
       values ($1, $2, 'north', 'annual_review', 'rev-1', '2025-12-20', '2026-12-19', null, false,
               null, false, 'Children and Families Act 2014 s44(1)', 5)`,
      [id(meetingOnly, 'annual_review-rev-1'), meetingOnly],
    );
    await harness.query(
      `update case_summary set next_deadline_id = $2, next_due_on = '2026-01-17' where case_id = $1`,
      [meetingOnly, id(meetingOnly, 'review_decision-rev-1')],
    );
    // Change 1: an exception overlapping an open deadline's unbounded period applied to it.
    await harness.query(`update case_deadline set exception_applies = true where id = any($1::text[])`, [
      [id(lateException, 'plan_decision'), id(lateException, 'final_plan')],
    ]);
    await harness.query(`update case_summary set final_plan_exception_applies = true where case_id = $1`, [
      lateException,
    ]);
    // ...and the outbox rows the first edition added for those events.
    await writeAlerts(harness.db, [
      { deadlineId: id(meetingOnly, 'annual_review'), dueOn: '2026-01-09', open: false },
      { deadlineId: id(meetingOnly, 'annual_review-rev-1'), dueOn: '2026-12-19', open: true },
      { deadlineId: id(lateException, 'plan_decision'), dueOn: '2025-12-22', open: true },
      { deadlineId: id(lateException, 'final_plan'), dueOn: '2026-01-19', open: true },
    ]);
    outboxBefore = await lastOutboxId();
  }, 60_000);
  afterAll(() => harness.close());

  const lastOutboxId = async () =>
    (await harness.query<{ n: number }>('select coalesce(max(id), 0)::int as n from alert_outbox'))[0].n;
  const lastOutboxRowOf = async (deadlineId: string) =>
    (
      await harness.query<{ open: boolean; dueOn: string }>(
        `select open, due_on::text as "dueOn" from alert_outbox where deadline_id = $1 order by id desc limit 1`,
        [deadlineId],
      )
    )[0];

  it('brings every row to the new rules and sends the notifier only what changed', async () => {
    const db = await connectSqlClient(harness.database.url, () => undefined);
    try {
      const result = await rebuildProjections(db, harness.store, harness.applier);
      expect(result.alerts).toBe(4);
    } finally {
      await db.end();
    }
    expect(await harness.snapshot()).toEqual(built);
    const written = await harness.query<{ deadlineId: string; dueOn: string; open: boolean }>(
      `select deadline_id as "deadlineId", due_on::text as "dueOn", open from alert_outbox where id > $1 order by deadline_id`,
      [outboxBefore],
    );
    expect(written).toEqual(
      [
        // Change 3: the first review is open again, until the decision; the alert on the period
        // the meeting had started is cancelled, as the corrected rule no longer raises it.
        { deadlineId: id(meetingOnly, 'annual_review'), dueOn: '2026-01-09', open: true },
        { deadlineId: id(meetingOnly, 'annual_review-rev-1'), dueOn: '2026-12-19', open: false },
        // Change 1: still open, no longer under an exception: the alerts are sent again without it.
        { deadlineId: id(lateException, 'final_plan'), dueOn: '2026-01-19', open: true },
        { deadlineId: id(lateException, 'plan_decision'), dueOn: '2025-12-22', open: true },
      ].sort((a, b) => (a.deadlineId < b.deadlineId ? -1 : 1)),
    );
  });

  it('change 2: plan_decision goes from met late to cancelled; already closed, it needs no outbox row', async () => {
    const [row] = await harness.query<{ metOn: string | null; cancelled: boolean; cancelledOn: string }>(
      `select met_on::text as "metOn", cancelled, cancelled_on::text as "cancelledOn" from case_deadline where id = $1`,
      [id(issuedInWeek17, 'plan_decision')],
    );
    expect(row).toEqual({ metOn: null, cancelled: true, cancelledOn: '2025-12-30' });
    // Its last outbox row, written when the decision was projected, says closed: no alert pending.
    expect(await lastOutboxRowOf(id(issuedInWeek17, 'plan_decision'))).toEqual({
      open: false,
      dueOn: '2025-12-22',
    });
  });

  it('the outbox leads the notifier to exactly the open deadlines, with their due dates', async () => {
    const misled = await harness.query(
      `select d.id from case_deadline d
         left join lateral (select open, due_on from alert_outbox o where o.deadline_id = d.id order by o.id desc limit 1) o on true
        where (d.met_on is null and not d.cancelled) <> coalesce(o.open, false)
           or (d.met_on is null and not d.cancelled and o.due_on <> d.due_on)`,
    );
    expect(misled).toEqual([]);
    // The row the first edition had and the second does not: its last word is "closed".
    expect(await lastOutboxRowOf(id(meetingOnly, 'annual_review-rev-1'))).toEqual({
      open: false,
      dueOn: '2026-12-19',
    });
  });
});

import { randomUUID } from 'node:crypto';
import { deadlinesOf, replay, type EhcpCaseEvent } from '@ehcp/domain';
import { GOOD_SECTIONS, on } from '../../../domain/src/testing/case-events';
import { ProjectionHarness } from '../../../../test/support/projection.harness';

interface DeadlineRow {
  deadline: string;
  kind: string;
  ref: string | null;
  startsOn: string;
  dueOn: string;
  metOn: string | null;
  cancelled: boolean;
  cancelledOn: string | null;
  cancelsOn: string | null;
  exceptionApplies: boolean;
  rule: string;
  revision: number;
}

// Given a case's events, then its case_deadline rows and the alert_outbox rows they caused.
describe('case_deadline projection and its alert outbox', () => {
  let harness: ProjectionHarness;
  beforeAll(async () => {
    harness = await ProjectionHarness.start('rm_deadline');
  });
  afterAll(() => harness.close());

  const R = '2025-01-06';

  /**
   * Projects the events one append at a time (each its own batch), as they would arrive, and reads
   * the outbox rows each wrote as `<deadline> <change> <due date>`. A row holds only the deadline's
   * openness: it opened (was not open before), moved (was), or closed, met or cancelled as its row
   * says right after that step.
   */
  async function given(...events: EhcpCaseEvent[]) {
    const caseId = randomUUID();
    const outbox: string[] = [];
    let seen = '0';
    for (const event of [on.requestReceived({ caseId, requestReceivedOn: R }), ...events]) {
      await harness.append(caseId, [event]);
      await harness.project();
      const written = await harness.query<{ id: string; entry: string }>(
        `select o.id::text as id, substr(o.deadline_id, length($1) + 2) || ' ' ||
                case when o.open then case when p.open then 'moved' else 'opened' end
                     when d.met_on is not null then 'met' else 'cancelled' end || ' ' || o.due_on::text as entry
           from alert_outbox o
           left join case_deadline d on d.id = o.deadline_id
           left join lateral (select open from alert_outbox p
                               where p.deadline_id = o.deadline_id and p.id < o.id order by p.id desc limit 1) p on true
          where o.deadline_id like $1 || '/%' and o.id > $2::bigint
          order by o.id`,
        [caseId, seen],
      );
      outbox.push(...written.map((row) => row.entry));
      seen = written.at(-1)?.id ?? seen;
    }
    const deadlines = await harness.query<DeadlineRow>(
      `select substr(id, length(case_id) + 2) as deadline, kind, ref, starts_on::text as "startsOn",
              due_on::text as "dueOn", met_on::text as "metOn", cancelled, cancelled_on::text as "cancelledOn",
              cancels_on::text as "cancelsOn", exception_applies as "exceptionApplies", rule, revision::int as revision
         from case_deadline where case_id = $1 order by id`,
      [caseId],
    );
    return {
      caseId,
      deadlines,
      outbox,
      events: [on.requestReceived({ caseId, requestReceivedOn: R }), ...events],
    };
  }

  it('rows are exactly the domain deadlinesOf of the folded events', async () => {
    const { deadlines, events } = await given(
      on.assessed('2025-02-01'),
      on.adviceRequested('adv-1', '2025-02-03'),
      on.exception('missed_appointment', '2025-02-10'),
      on.toIssue('2025-04-01'),
      on.draftIssued('2025-04-07'),
      on.consulted('con-1', '2025-04-08'),
      on.finalIssued('2025-05-20'),
      on.reviewHeld('rev-1', '2026-05-01'),
    );
    const domain = deadlinesOf(replay(events));
    expect(deadlines).toEqual(
      domain
        .map((d) => ({
          deadline: d.id,
          kind: d.kind,
          ref: d.ref,
          startsOn: d.startsOn,
          dueOn: d.dueOn,
          metOn: d.metOn,
          cancelled: d.cancelled,
          cancelledOn: d.cancelledOn,
          cancelsOn: d.cancelsOn,
          exceptionApplies: d.exceptionApplies,
          rule: d.rule,
          revision: expect.any(Number),
        }))
        .sort((a, b) => (a.deadline < b.deadline ? -1 : 1)),
    );
  });

  it('RequestReceived opens the three initial-assessment clocks (reg 5(1), 10(1), 13(2))', async () => {
    const { deadlines, outbox } = await given();
    expect(deadlines.map((d) => [d.deadline, d.dueOn, d.rule, d.revision])).toEqual([
      ['decision_to_assess', '2025-02-17', expect.stringContaining('5(1)'), 0],
      ['final_plan', '2025-05-26', expect.stringContaining('13(2)'), 0],
      ['plan_decision', '2025-04-28', expect.stringContaining('10(1)'), 0],
    ]);
    expect(outbox).toEqual([
      'decision_to_assess opened 2025-02-17',
      'plan_decision opened 2025-04-28',
      'final_plan opened 2025-05-26',
    ]);
  });

  it('met deadlines keep their row (met_on) and say "met" once; unchanged rows keep their revision', async () => {
    const { deadlines, outbox } = await given(
      on.caseworkerAssigned('cw-1', '2025-01-07'),
      on.assessed('2025-02-01'),
    );
    expect(deadlines.find((d) => d.deadline === 'decision_to_assess')).toMatchObject({
      metOn: '2025-02-01',
      revision: 2,
    });
    expect(deadlines.find((d) => d.deadline === 'final_plan')).toMatchObject({ metOn: null, revision: 0 });
    expect(outbox.slice(3)).toEqual(['decision_to_assess met 2025-02-17']);
  });

  it('advice: one deadline per request (reg 8(1), A + 42), opened then met', async () => {
    const { outbox } = await given(
      on.assessed('2025-02-01'),
      on.adviceRequested('adv-1', '2025-02-03'),
      on.adviceReceived('adv-1', '2025-03-20'),
    );
    expect(outbox.slice(4)).toEqual(['advice-adv-1 opened 2025-03-17', 'advice-adv-1 met 2025-03-17']);
  });

  it('an exception that starts applying moves the open deadlines it applies to, not the met ones', async () => {
    const { deadlines, outbox } = await given(
      on.assessed('2025-02-01'),
      on.exception('exceptional_personal_circumstances', '2025-02-10'),
      on.exceptionEnded('2025-03-01'),
    );
    expect(deadlines.filter((d) => d.exceptionApplies).map((d) => d.deadline)).toEqual([
      'final_plan',
      'plan_decision',
    ]);
    expect(outbox.slice(4)).toEqual(['plan_decision moved 2025-04-28', 'final_plan moved 2025-05-26']);
  });

  it('a refusal cancels plan_decision and final_plan; a reversal reopens them', async () => {
    const { deadlines, outbox } = await given(on.refused('2025-02-01'), on.assessed('2025-03-01'));
    expect(outbox.slice(3)).toEqual([
      'decision_to_assess met 2025-02-17',
      'plan_decision cancelled 2025-04-28',
      'final_plan cancelled 2025-05-26',
      'plan_decision opened 2025-04-28',
      'final_plan opened 2025-05-26',
    ]);
    expect(deadlines.every((d) => !d.cancelled)).toBe(true);
  });

  it('"not issue" cancels final_plan only', async () => {
    const { outbox } = await given(on.assessed('2025-02-01'), on.notToIssue('2025-04-01'));
    expect(outbox.slice(4)).toEqual(['plan_decision met 2025-04-28', 'final_plan cancelled 2025-05-26']);
  });

  it('a decision to issue cancels plan_decision (DOMAIN.md 2nd ed.; reg 10(1) binds only "not issue")', async () => {
    const { deadlines, outbox } = await given(on.assessed('2025-02-01'), on.toIssue('2025-05-05'));
    expect(outbox.slice(4)).toEqual(['plan_decision cancelled 2025-04-28']);
    expect(deadlines.find((d) => d.deadline === 'plan_decision')).toMatchObject({
      metOn: null,
      cancelled: true,
      cancelledOn: '2025-05-05',
    });
  });

  it('consultation responses (CoP 9.83, C + 15), final plan, annual review (F + 1 year - 1 day)', async () => {
    const { outbox } = await given(
      on.assessed('2025-02-01'),
      on.toIssue('2025-04-01'),
      on.draftIssued('2025-04-07'),
      on.representations('2025-04-10'),
      on.consulted('con-1', '2025-04-08'),
      on.consultationAnswered('con-1', '2025-04-30'),
      on.finalIssued('2025-05-20'),
      on.qaAudited('audit-1', '2025-06-01', GOOD_SECTIONS, 'final'),
    );
    expect(outbox.slice(5)).toEqual([
      'consultation_response-con-1 opened 2025-04-23',
      'consultation_response-con-1 met 2025-04-23',
      'final_plan met 2025-05-26',
      'annual_review opened 2026-05-19',
    ]);
  });

  it('reviews, amendment notices (reg 22(2), M + 28; reg 22(3), N + 56) and phase transfers (reg 18(1))', async () => {
    const { deadlines, outbox } = await given(
      on.assessed('2025-02-01'),
      on.toIssue('2025-04-01'),
      on.draftIssued('2025-04-07'),
      on.finalIssued('2025-05-20'),
      on.transferPlanned('tr-1', 'post16', 2026, '2025-06-01'),
      on.reviewHeld('rev-1', '2026-05-01'),
      on.reviewDecided('rev-1', 'amend', '2026-05-10'),
      on.noticeIssued('not-1', '2026-05-15'),
      on.amendmentRepresentations('not-1', '2026-05-20'),
      on.amendedIssued('not-1', '2026-06-20', { institution: 'Hill College', type: 'fe' }),
    );
    // DOMAIN.md 2nd ed.: the meeting opens the review decision; the decision completes the annual
    // review and starts the next 12 months.
    expect(outbox.slice(7)).toEqual([
      'phase_transfer-tr-1 opened 2026-03-30',
      'review_decision-rev-1 opened 2026-05-29',
      'annual_review met 2026-05-19',
      'annual_review-rev-1 opened 2027-05-09',
      'review_decision-rev-1 met 2026-05-29',
      'amendment_notice-rev-1 opened 2026-05-29',
      'amendment_notice-rev-1 met 2026-05-29',
      'amended_plan-not-1 opened 2026-07-10',
      'amended_plan-not-1 met 2026-07-10',
      // (2nd ed.) the amended plan, dated after 1 Sep 2025, meets the 2026 transfer late.
      'phase_transfer-tr-1 met 2026-03-30',
    ]);
    expect(deadlines.find((d) => d.deadline === 'phase_transfer-tr-1')).toMatchObject({
      metOn: '2026-06-20',
    });
  });

  it('cessation and closure cancel every open deadline, dated', async () => {
    const { deadlines, outbox } = await given(on.assessed('2025-02-01'), on.closed('2025-02-20'));
    expect(outbox.slice(4)).toEqual([
      'plan_decision cancelled 2025-04-28',
      'final_plan cancelled 2025-05-26',
    ]);
    expect(deadlines.filter((d) => d.cancelled).map((d) => d.cancelledOn)).toEqual([
      '2025-02-20',
      '2025-02-20',
    ]);
    const ceased = await given(
      on.assessed('2025-02-01'),
      on.toIssue('2025-04-01'),
      on.draftIssued('2025-04-07'),
      on.finalIssued('2025-05-20'),
      on.ceased('2025-09-01'),
    );
    expect(ceased.outbox.at(-1)).toBe('annual_review cancelled 2026-05-19');
  });

  it("(2nd ed.) corrections: a voided fact's deadline goes and stops alerting; a corrected date moves its deadline", async () => {
    const { deadlines, outbox } = await given(
      on.assessed('2025-02-01'),
      on.adviceRequested('adv-1', '2025-02-03'),
      on.factVoided(2, 'AdviceRequested'),
      on.factCorrected(0, 'RequestReceived', { requestReceivedOn: '2025-01-13' }, 'cor-2'),
    );
    expect(deadlines.map((d) => [d.deadline, d.startsOn, d.dueOn, d.metOn, d.revision])).toEqual([
      ['decision_to_assess', '2025-01-13', '2025-02-24', '2025-02-01', 4],
      ['final_plan', '2025-01-13', '2025-06-02', null, 4],
      ['plan_decision', '2025-01-13', '2025-05-05', null, 4],
    ]);
    expect(outbox.slice(4)).toEqual([
      'advice-adv-1 opened 2025-03-17',
      'advice-adv-1 cancelled 2025-03-17',
      'plan_decision moved 2025-05-05',
      'final_plan moved 2025-06-02',
    ]);
  });

  it('PersonalDataErased changes no deadline', async () => {
    const { outbox } = await given(on.erased('2025-01-10'));
    expect(outbox).toHaveLength(3);
  });

  it('a replay of the whole log changes nothing and alerts nothing', async () => {
    const { caseId } = await given(on.assessed('2025-02-01'), on.adviceRequested('adv-1', '2025-02-03'));
    const before = await harness.snapshot();
    const [{ count }] = await harness.query<{ count: number }>(
      'select count(*)::int as count from alert_outbox',
    );
    await harness.query(`update projection_checkpoint set position = null`);
    await harness.project(3);
    expect(await harness.snapshot()).toEqual(before);
    expect(await harness.query('select count(*)::int as count from alert_outbox')).toEqual([{ count }]);
    expect(await harness.query('select event_count from case_state where case_id = $1', [caseId])).toEqual([
      { event_count: 3 },
    ]);
  });

  // (2nd ed.) DOMAIN.md "Cessation": a decision to cease dated 2026-01-10 with no appeal ceases the plan
  // on 2026-03-11 (D + 2 months + 1 day); an appeal against it leaves the day unknown until the appeal
  // is dismissed or withdrawn (then the plan ceases on the outcome date).
  it('CessationDecided sets cancels_on on the open deadlines, an appeal lifts it, a dismissal sets the outcome date; each change is an outbox row', async () => {
    const plan = [
      on.assessed('2025-02-01'),
      on.toIssue('2025-04-01'),
      on.draftIssued('2025-04-07'),
      on.finalIssued('2025-05-20'),
    ];
    const cessation = [
      on.cessationDecided('2026-01-10'),
      on.appealLodged('app-1', 'cessation', '2026-02-01'),
      on.appealDecided('app-1', 'dismissed', '2026-04-01'),
    ];
    const { deadlines, outbox, events } = await given(...plan, ...cessation);
    const review = deadlines.find((d) => d.deadline === 'annual_review');
    expect(review).toMatchObject({ metOn: null, cancelled: false, cancelsOn: '2026-04-01' });
    // Only open deadlines have the day: the met ones keep null.
    expect(deadlines.filter((d) => d.metOn !== null).every((d) => d.cancelsOn === null)).toBe(true);
    expect(deadlines.map((d) => d.cancelsOn)).toEqual(
      deadlinesOf(replay(events))
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((d) => d.cancelsOn),
    );
    const dueOn = review?.dueOn;
    expect(outbox.slice(-3)).toEqual([
      `annual_review moved ${dueOn}`,
      `annual_review moved ${dueOn}`,
      `annual_review moved ${dueOn}`,
    ]);
  });
});

import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  replay,
  sen2ByMonth,
  sen2ByTeam,
  sen2Of,
  timelineOf,
  type CaseTimeline,
  type EhcpCaseEvent,
} from '@ehcp/domain';
import { on } from '../../../domain/src/testing/case-events';
import { ProjectionHarness } from '../../../../test/support/projection.harness';
import { syntheticCase, viewsRecorded } from '../testing/synthetic-caseload';
import { Sen2Query } from './sen2.query';

/** A case from request R to its first final plan F, through the statutory steps. */
function planned(
  caseId: string,
  team: string,
  requestOn: string,
  finalOn: string,
  ...extra: EhcpCaseEvent[]
) {
  const minus = (days: number) =>
    new Date(Date.parse(`${finalOn}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  return [
    on.requestReceived({ caseId, team, requestReceivedOn: requestOn }),
    ...extra,
    on.assessed(minus(60)),
    on.toIssue(minus(40)),
    on.draftIssued(minus(30)),
    on.representations(minus(25)),
    on.finalIssued(finalOn),
  ];
}

describe('SEN2 timeliness query', () => {
  let harness: ProjectionHarness;
  let sen2: Sen2Query;
  const timelineOfCase = new Map<string, CaseTimeline>();
  let timelines: CaseTimeline[] = [];

  const synthetic: { caseId: string; index: number }[] = [];

  async function load(caseId: string, events: EhcpCaseEvent[]) {
    await harness.append(caseId, events);
    timelineOfCase.set(caseId, timelineOf(replay(events))!);
  }

  /**
   * What the appeals and transfer-in processes (a later issue) will set: a case's plan on a disputed
   * path, or a case not opened by a request. No event records either yet, so the row and the timeline
   * are set alike here.
   */
  async function mark(
    caseId: string,
    facts: Pick<CaseTimeline, 'appealOrMediationBeforePlan' | 'openedByRequest'>,
  ) {
    await harness.query(
      'update case_summary set appeal_or_mediation_before_plan = $2, opened_by_request = $3 where case_id = $1',
      [caseId, facts.appealOrMediationBeforePlan, facts.openedByRequest],
    );
    // Such a plan is no new plan of plans_issued_den: no views record counts for it either.
    if (facts.appealOrMediationBeforePlan || !facts.openedByRequest)
      await harness.query('update case_views set plan_counted_on = null where case_id = $1', [caseId]);
    timelineOfCase.set(caseId, { ...timelineOfCase.get(caseId)!, ...facts });
  }

  beforeAll(async () => {
    harness = await ProjectionHarness.start('rm_sen2');
    sen2 = new Sen2Query(harness.dataSource);
    const id = () => randomUUID();
    // A: 140 days, within 20 weeks; a 10-day absence from the area does not apply (4 weeks needed).
    await load(
      id(),
      planned(
        id(),
        'hand-north',
        '2025-01-06',
        '2025-05-26',
        on.exception('absence_from_area', '2025-02-01', '2025-02-10', 'x'),
      ),
    );
    // B: 141 days. C: 364 days (still within a year). D: 365 days, with an exception applying.
    await load(id(), planned(id(), 'hand-north', '2025-01-06', '2025-05-27'));
    await load(id(), planned(id(), 'hand-south', '2024-06-03', '2025-06-02'));
    await load(
      id(),
      planned(
        id(),
        'hand-south',
        '2024-06-03',
        '2025-06-03',
        on.exception('exceptional_personal_circumstances', '2024-07-01', null, 'x'),
      ),
    );
    // E: 84 days, a 39-day absence from the area applies. F: 133 days.
    await load(
      id(),
      planned(
        id(),
        'hand-north',
        '2025-02-03',
        '2025-04-28',
        on.exception('absence_from_area', '2025-02-10', '2025-03-20', 'x'),
      ),
    );
    await load(id(), planned(id(), 'hand-east', '2025-03-03', '2025-07-14'));
    // Outside the period (issued 2026), and a case with no plan yet: never counted.
    await load(id(), planned(id(), 'hand-north', '2025-09-01', '2026-01-19'));
    const open = id();
    await load(open, [on.requestReceived({ caseId: open, requestReceivedOn: '2025-03-01' })]);
    // hand-west, for the request, review and transfer measures of 2026's first half.
    const [w1, w2, w3, w4, w5, w6] = [id(), id(), id(), id(), id(), id()];
    await load(w1, [
      on.requestReceived({ caseId: w1, team: 'hand-west', requestReceivedOn: '2026-01-05' }),
      on.refused('2026-02-16'),
    ]);
    await load(w2, [
      on.requestReceived({ caseId: w2, team: 'hand-west', requestReceivedOn: '2026-01-05' }),
      on.assessed('2026-02-17'),
    ]);
    await load(w3, [
      ...planned(w3, 'hand-west', '2024-09-02', '2025-01-20'),
      on.transferPlanned('tr-1', 'school_phase', 2026, '2025-02-01'),
      on.reviewHeld('rev-1', '2025-12-01'),
      on.reviewDecided('rev-1', 'maintain', '2026-01-05'),
      on.noticeIssued('not-1', '2026-01-10'),
      on.amendedIssued('not-1', '2026-02-01', { institution: 'Hill School', type: 'special' }),
    ]);
    await load(w4, [
      ...planned(w4, 'hand-west', '2024-10-21', '2025-03-03'),
      on.transferPlanned('tr-1', 'school_phase', 2026, '2025-04-01'),
    ]);
    await load(w5, planned(w5, 'hand-west', '2025-09-01', '2026-01-19'));
    await load(w6, planned(w6, 'hand-west', '2025-09-01', '2026-01-20'));
    // hand-views: 4 new plans issued in 2025, 2 with the child's views by the issue date.
    const [v1, v2, v3, v4, v5] = [id(), id(), id(), id(), id()];
    await load(v1, [
      ...planned(v1, 'hand-views', '2025-01-06', '2025-05-26'),
      // Gathered for the assessment, long before the plan; and again for its first review, in time.
      viewsRecorded('vw-1', '2025-03-10', 'assessment'),
      on.reviewHeld('rev-1', '2026-04-20'),
      viewsRecorded('vw-2', '2026-04-13', 'review'),
      on.reviewDecided('rev-1', 'maintain', '2026-05-04'),
    ]);
    // Gathered for the draft on the day the plan was issued: still in time.
    await load(v2, [
      ...planned(v2, 'hand-views', '2025-02-03', '2025-06-16'),
      viewsRecorded('vw-1', '2025-06-16', 'draft'),
    ]);
    // Gathered for the draft the day after the plan; views for a review are not the plan's.
    await load(v3, [
      ...planned(v3, 'hand-views', '2025-03-03', '2025-07-14'),
      viewsRecorded('vw-1', '2025-07-15', 'draft'),
      viewsRecorded('vw-2', '2025-07-01', 'review'),
      // Its first review held without views of its own: the review views came before its period.
      on.reviewHeld('rev-1', '2026-06-01'),
      on.reviewDecided('rev-1', 'maintain', '2026-06-08'),
    ]);
    await load(v4, planned(v4, 'hand-views', '2025-04-07', '2025-08-18'));
    // Views for the assessment of a request refused: no plan, so no share.
    await load(v5, [
      on.requestReceived({ caseId: v5, team: 'hand-views', requestReceivedOn: '2025-04-07' }),
      viewsRecorded('vw-1', '2025-04-20', 'assessment'),
      on.refused('2025-05-12'),
    ]);
    // The synthetic caseload, for the comparison with the domain's sen2Of.
    for (let index = 0; index < 300; index += 1) {
      const caseId = randomUUID();
      synthetic.push({ caseId, index });
      await load(caseId, syntheticCase(caseId, index));
    }
    await harness.project();
    await mark(w5, { appealOrMediationBeforePlan: true, openedByRequest: true });
    await mark(w6, { appealOrMediationBeforePlan: false, openedByRequest: false });
    for (const { caseId, index } of synthetic) {
      if (index % 19 === 5) await mark(caseId, { appealOrMediationBeforePlan: true, openedByRequest: true });
      if (index % 23 === 7)
        await mark(caseId, { appealOrMediationBeforePlan: false, openedByRequest: false });
    }
    timelines = [...timelineOfCase.values()];
  }, 60_000);
  afterAll(() => harness.close());

  it('figures for constructed cases equal hand-computed values, with and without exceptions', async () => {
    const hand = ['hand-north', 'hand-south', 'hand-east'];
    const year = { from: '2025-01-01', to: '2025-12-31' };
    // Days to issue: A 140, B 141, C 364, D 365 (exception applies), E 84 (exception applies), F 133.
    expect(await sen2.figures({ ...year, teams: hand })).toEqual({
      plans_issued_den: 6,
      plans_issued_within_20_weeks: 3, // A, E, F
      pc_plans_issued_within_20_weeks: 50,
      plans_issued_den_ex: 4, // A, B, C, F
      plans_issued_20_weeks_ex: 2, // A, F
      pc_plans_issued_20_weeks_ex: 50,
      plans_issued_gt20weeks_ltyear: 2, // B, C
      pc_plans_issued_gt20weeks_ltyear: 33.3,
      plans_issued_gt_1_year: 1, // D
      pc_plans_issued_gt_1_year: 16.7,
      plans_issued_gt20weeks_ltyear_ex: 2, // B, C
      pc_plans_issued_gt20weeks_ltyear_ex: 50,
      plans_issued_gt_1_year_ex: 0,
      pc_plans_issued_gt_1_year_ex: 0,
      avg_weeks_issue_plan: 29.2, // 1227 days / (7 * 6)
      avg_weeks_issue_plan_exc: 27.8, // 778 days / (7 * 4)
      plans_excluded_appeal: 0,
      // Decided 60 days before each plan: A 80 days after the request, B 81, C 304, D 305, E 24, F 73,
      // and the case issued in 2026 on 2025-11-20 (80 days).
      requests_decided: 7,
      requests_decided_within_6_weeks: 1, // E
      pc_requests_decided_within_6_weeks: 14.3,
      requests_refused: 0,
      // The first annual reviews fall due in 2026.
      reviews_due: 0,
      reviews_completed_on_time: 0,
      pc_reviews_completed_on_time: null,
      review_decisions: 0,
      review_decisions_within_4_weeks: 0,
      pc_review_decisions_within_4_weeks: null,
      phase_transfers_due: 0,
      phase_transfers_met: 0,
      pc_phase_transfers_met: null,
      // No views recorded on these cases, no review held in 2025.
      plans_issued_with_views: 0,
      pc_plans_issued_with_views: 0,
      reviews_held: 0,
      reviews_held_with_views: 0,
      pc_reviews_held_with_views: null,
    });
    expect(await sen2.figures({ ...year, teams: ['hand-north'] })).toEqual({
      plans_issued_den: 3, // A, B, E
      plans_issued_within_20_weeks: 2,
      pc_plans_issued_within_20_weeks: 66.7,
      plans_issued_den_ex: 2,
      plans_issued_20_weeks_ex: 1,
      pc_plans_issued_20_weeks_ex: 50,
      plans_issued_gt20weeks_ltyear: 1,
      pc_plans_issued_gt20weeks_ltyear: 33.3,
      plans_issued_gt_1_year: 0,
      pc_plans_issued_gt_1_year: 0,
      plans_issued_gt20weeks_ltyear_ex: 1,
      pc_plans_issued_gt20weeks_ltyear_ex: 50,
      plans_issued_gt_1_year_ex: 0,
      pc_plans_issued_gt_1_year_ex: 0,
      avg_weeks_issue_plan: 17.4, // 365 / 21
      avg_weeks_issue_plan_exc: 20.1, // 281 / 14
      plans_excluded_appeal: 0,
      requests_decided: 4, // A, B, E and the case issued in 2026
      requests_decided_within_6_weeks: 1,
      pc_requests_decided_within_6_weeks: 25,
      requests_refused: 0,
      reviews_due: 0,
      reviews_completed_on_time: 0,
      pc_reviews_completed_on_time: null,
      review_decisions: 0,
      review_decisions_within_4_weeks: 0,
      pc_review_decisions_within_4_weeks: null,
      phase_transfers_due: 0,
      phase_transfers_met: 0,
      pc_phase_transfers_met: null,
      // No views recorded on these cases, no review held in 2025.
      plans_issued_with_views: 0,
      pc_plans_issued_with_views: 0,
      reviews_held: 0,
      reviews_held_with_views: 0,
      pc_reviews_held_with_views: null,
    });
    const months = await sen2.monthly({ ...year, teams: hand });
    expect(months.map((m) => [m.month, m.plans_issued_den])).toEqual([
      ['2025-01', 0],
      ['2025-02', 0],
      ['2025-03', 0],
      ['2025-04', 1],
      ['2025-05', 2],
      ['2025-06', 2],
      ['2025-07', 1],
      ['2025-08', 0],
      ['2025-09', 0],
      ['2025-10', 0],
      ['2025-11', 0],
      ['2025-12', 0],
    ]);
    expect(months[4]).toMatchObject({ pc_plans_issued_within_20_weeks: 50, avg_weeks_issue_plan: 20.1 });
    expect(months[0]).toMatchObject({ pc_plans_issued_within_20_weeks: null, avg_weeks_issue_plan: null });
  });

  it('requests, reviews, transfers and left-out plans for constructed cases equal hand-computed values', async () => {
    const half = { from: '2026-01-01', to: '2026-06-30', teams: ['hand-west'] };
    expect(await sen2.figures(half)).toMatchObject({
      // W5's plan (140 days) had an appeal or mediation on its path; W6's case was not opened by a request.
      plans_issued_den: 0,
      pc_plans_issued_within_20_weeks: null,
      plans_excluded_appeal: 1,
      // W1 refused on R + 42, W2 assessed on R + 43.
      requests_decided: 2,
      requests_decided_within_6_weeks: 1,
      pc_requests_decided_within_6_weeks: 50,
      requests_refused: 1,
      // W3's first review (due 2026-01-19) completed in time, W4's (due 2026-03-02) not at all.
      reviews_due: 2,
      reviews_completed_on_time: 1,
      pc_reviews_completed_on_time: 50,
      // W3's decision on 2026-01-05, 35 days after the meeting.
      review_decisions: 1,
      review_decisions_within_4_weeks: 0,
      pc_review_decisions_within_4_weeks: 0,
      // Both due 2026-02-14: W3's met by the amended plan naming the new school, W4's never.
      phase_transfers_due: 2,
      phase_transfers_met: 1,
      pc_phase_transfers_met: 50,
      // W3's first review completed by its decision on 2026-01-05, no views recorded for it.
      reviews_held: 1,
      reviews_held_with_views: 0,
      pc_reviews_held_with_views: 0,
    });
    const { teams, total } = await sen2.byTeam({ ...half, teams: ['hand-west', 'hand-east'] });
    expect(teams.map((row) => [row.team, row.requests_decided, row.reviews_due])).toEqual([
      ['hand-east', 0, 0],
      ['hand-west', 2, 2],
    ]);
    expect(total).toEqual(await sen2.figures(half));
  });

  it('views on 2 of 4 new plans give 50.0; reviews held count their views for the review (CFA s19)', async () => {
    const views = { teams: ['hand-views'] };
    expect(await sen2.figures({ ...views, from: '2025-01-01', to: '2025-12-31' })).toMatchObject({
      plans_issued_den: 4,
      plans_issued_with_views: 2, // V1 (assessment), V2 (draft on the issue date)
      pc_plans_issued_with_views: 50,
      reviews_held: 0,
      reviews_held_with_views: 0,
      pc_reviews_held_with_views: null,
    });
    expect(await sen2.figures({ ...views, from: '2026-01-01', to: '2026-12-31' })).toMatchObject({
      plans_issued_den: 0,
      pc_plans_issued_with_views: null,
      // V1's review decided 2026-05-04 with views of 2026-04-13; V3's decided 2026-06-08 without.
      reviews_held: 2,
      reviews_held_with_views: 1,
      pc_reviews_held_with_views: 50,
    });
    const months = await sen2.monthly({ ...views, from: '2025-05-01', to: '2025-08-31' });
    expect(months.map((m) => [m.month, m.plans_issued_den, m.plans_issued_with_views])).toEqual([
      ['2025-05', 1, 1],
      ['2025-06', 1, 1],
      ['2025-07', 1, 0],
      ['2025-08', 1, 0],
    ]);
    const { teams } = await sen2.byTeam({ from: '2025-01-01', to: '2025-12-31', teams: ['hand-views'] });
    expect(teams).toEqual([expect.objectContaining({ team: 'hand-views', pc_plans_issued_with_views: 50 })]);
  });

  it('equals the domain sen2Of for any period and team', async () => {
    const date = fc
      .date({ min: new Date('2024-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    await fc.assert(
      fc.asyncProperty(
        date,
        date,
        fc.constantFrom(null, 'north', 'south', 'hand-north', 'hand-views', 'west'),
        async (a, b, team) => {
          const [from, to] = a <= b ? [a, b] : [b, a];
          const figures = await sen2.figures({ from, to, teams: team === null ? null : [team] });
          expect(figures).toEqual(sen2Of(timelines, { from, to, team }));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('monthly figures equal the domain sen2ByMonth, empty months included', async () => {
    const period = { from: '2024-11-15', to: '2026-02-10' };
    const monthly = await sen2.monthly({ ...period, teams: ['north', 'east'] });
    const expected = ['north', 'east'].map((team) => sen2ByMonth(timelines, { ...period, team }));
    expect(monthly.map((m) => m.month)).toEqual(expected[0].map((m) => m.month));
    expect(monthly[0].month).toBe('2024-11');
    expect(monthly.at(-1)!.month).toBe('2026-02');
    const both = sen2ByMonth(
      timelines.filter((t) => t.team === 'north' || t.team === 'east'),
      period,
    );
    expect(monthly).toEqual(both);
  });

  it('by team equals the domain sen2ByTeam: the listed teams, or every team with a fact in the period', async () => {
    for (const period of [
      { from: '2025-01-01', to: '2025-12-31' },
      { from: '2024-03-01', to: '2026-08-31' },
      { from: '2027-06-01', to: '2027-06-30' },
    ]) {
      for (const teams of [null, ['north', 'west', 'nobody'], ['hand-west']]) {
        expect(await sen2.byTeam({ ...period, teams })).toEqual(sen2ByTeam(timelines, period, teams));
      }
    }
    const all = await sen2.byTeam({ from: '2024-01-01', to: '2027-12-31', teams: null });
    expect(all.teams.map((row) => row.team)).toEqual([
      'east',
      'hand-east',
      'hand-north',
      'hand-south',
      'hand-views',
      'hand-west',
      'north',
      'south',
      'west',
    ]);
    expect(all.total).toEqual(await sen2.figures({ from: '2024-01-01', to: '2027-12-31', teams: null }));
  });

  it('the synthetic caseload exercises every measure', async () => {
    const figures = sen2Of(timelines, { from: '2024-01-01', to: '2027-12-31' });
    for (const [field, value] of Object.entries(figures))
      if (!field.startsWith('pc_') && !field.startsWith('avg_'))
        expect([field, value]).not.toEqual([field, 0]);
  });
});

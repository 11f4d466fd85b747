import { deadlinesOf } from '../deadlines/deadline.calculator';
import type { EhcpCase } from '../ehcp-case/ehcp-case.state';
import { replay } from '../ehcp-case/ehcp-case.evolve';
import { on } from '../testing/case-events';
import { history } from '../testing/ehcp-case.fixtures';
import { sen2ByMonth, sen2ByTeam, sen2Of } from './sen2.calculator';
import { NO_SEN2_COUNTS, sen2FiguresOf } from './sen2.figures';
import { SEN2_DEADLINE_KINDS, timelineOf, type CaseTimeline, type Sen2Deadline } from './sen2.timeline';

// DfE, "Education, health and care plans" statistics and their data guidance (SEN2 collection).

const R = '2025-09-01';
const CASE: CaseTimeline = {
  team: 'north',
  requestReceivedOn: R,
  openedByRequest: true,
  firstFinalPlanIssuedOn: null,
  finalPlanExceptionApplies: false,
  appealOrMediationBeforePlan: false,
  assessmentDecidedOn: null,
  assessmentRefused: false,
  deadlines: [],
  views: [],
};
const plan = (issuedOn: string | null, finalPlanExceptionApplies = false, team = 'north'): CaseTimeline => ({
  ...CASE,
  team,
  firstFinalPlanIssuedOn: issuedOn,
  finalPlanExceptionApplies,
});
const YEAR = { from: '2026-01-01', to: '2026-12-31' };
const NOTHING = sen2FiguresOf(NO_SEN2_COUNTS);

describe('sen2Of: new plans (DfE SEN2 timeliness)', () => {
  it('bands new plans by R + 140 and R + 364, as counts and percentages, and averages weeks to issue', () => {
    const figures = sen2Of(
      [
        plan('2026-01-19'), // R + 140: within 20 weeks
        plan('2026-01-20'), // R + 141
        plan('2026-08-31'), // R + 364: still within the year
        plan('2026-09-01'), // R + 365
      ],
      YEAR,
    );
    expect(figures).toEqual({
      ...NOTHING,
      plans_issued_den: 4,
      plans_issued_within_20_weeks: 1,
      pc_plans_issued_within_20_weeks: 25,
      plans_issued_den_ex: 4,
      plans_issued_20_weeks_ex: 1,
      pc_plans_issued_20_weeks_ex: 25,
      plans_issued_gt20weeks_ltyear: 2,
      pc_plans_issued_gt20weeks_ltyear: 50,
      plans_issued_gt_1_year: 1,
      pc_plans_issued_gt_1_year: 25,
      plans_issued_gt20weeks_ltyear_ex: 2,
      pc_plans_issued_gt20weeks_ltyear_ex: 50,
      plans_issued_gt_1_year_ex: 1,
      pc_plans_issued_gt_1_year_ex: 25,
      // (140 + 141 + 364 + 365) / 4 / 7 = 36.07 weeks
      avg_weeks_issue_plan: 36.1,
      avg_weeks_issue_plan_exc: 36.1,
    });
  });

  it('leaves plans with a final_plan exception out of numerator and denominator of every _ex field', () => {
    const figures = sen2Of(
      [
        plan('2026-01-19'), // 140 days
        plan('2026-03-01', true), // 181 days, exception
        plan('2026-03-02'), // 182 days
        plan('2026-09-01', true), // 365 days, exception
        plan('2026-09-02'), // 366 days
      ],
      YEAR,
    );
    expect(figures).toMatchObject({
      plans_issued_den: 5,
      plans_issued_within_20_weeks: 1,
      pc_plans_issued_within_20_weeks: 20,
      plans_issued_gt20weeks_ltyear: 2,
      pc_plans_issued_gt20weeks_ltyear: 40,
      plans_issued_gt_1_year: 2,
      pc_plans_issued_gt_1_year: 40,
      plans_issued_den_ex: 3,
      plans_issued_20_weeks_ex: 1,
      pc_plans_issued_20_weeks_ex: 33.3,
      plans_issued_gt20weeks_ltyear_ex: 1,
      pc_plans_issued_gt20weeks_ltyear_ex: 33.3,
      plans_issued_gt_1_year_ex: 1,
      pc_plans_issued_gt_1_year_ex: 33.3,
      avg_weeks_issue_plan: 35.3, // (140 + 181 + 182 + 365 + 366) / 35
      avg_weeks_issue_plan_exc: 32.8, // (140 + 182 + 366) / 21
    });
  });

  it('counts only first final plans issued in the period (inclusive) and of the team asked for', () => {
    const timelines = [
      plan('2025-12-31'),
      plan('2026-01-01'),
      plan('2026-12-31'),
      plan('2027-01-01'),
      plan(null),
      plan('2026-06-01', false, 'south'),
    ];
    expect(sen2Of(timelines, YEAR).plans_issued_den).toBe(3);
    expect(sen2Of(timelines, { ...YEAR, team: 'north' }).plans_issued_den).toBe(2);
    expect(sen2Of(timelines, { ...YEAR, team: null }).plans_issued_den).toBe(3);
  });

  it('never counts the plan of a case not opened by a request (a plan transferred in is not new)', () => {
    const transferredIn = { ...plan('2026-02-01'), openedByRequest: false };
    expect(sen2Of([transferredIn], YEAR)).toEqual(NOTHING);
  });

  it('leaves a plan after an appeal or mediation out of every plan measure and counts it in plans_excluded_appeal', () => {
    // DfE data guidance: timeliness covers assessments "where no mediation or tribunal has taken place".
    const disputed = { ...plan('2026-01-19'), appealOrMediationBeforePlan: true };
    const disputedWithException = { ...plan('2026-09-02', true), appealOrMediationBeforePlan: true };
    expect(sen2Of([disputed, disputedWithException, plan('2026-01-20')], YEAR)).toEqual({
      ...NOTHING,
      plans_issued_den: 1,
      plans_issued_within_20_weeks: 0,
      pc_plans_issued_within_20_weeks: 0,
      plans_issued_den_ex: 1,
      plans_issued_20_weeks_ex: 0,
      pc_plans_issued_20_weeks_ex: 0,
      plans_issued_gt20weeks_ltyear: 1,
      pc_plans_issued_gt20weeks_ltyear: 100,
      plans_issued_gt_1_year: 0,
      pc_plans_issued_gt_1_year: 0,
      plans_issued_gt20weeks_ltyear_ex: 1,
      pc_plans_issued_gt20weeks_ltyear_ex: 100,
      plans_issued_gt_1_year_ex: 0,
      pc_plans_issued_gt_1_year_ex: 0,
      avg_weeks_issue_plan: 20.1,
      avg_weeks_issue_plan_exc: 20.1,
      plans_excluded_appeal: 2,
    });
    // Counted in the period of the plan's issue date, like the plans it was left out of.
    expect(sen2Of([disputed], { from: '2027-01-01', to: '2027-12-31' }).plans_excluded_appeal).toBe(0);
  });

  it('rounds percentages to one decimal, halves up', () => {
    const onTime = (n: number) => Array.from({ length: n }, () => plan('2026-01-19'));
    const late = (n: number) => Array.from({ length: n }, () => plan('2026-02-19'));
    expect(sen2Of([...onTime(47), ...late(33)], YEAR).pc_plans_issued_within_20_weeks).toBe(58.8); // 58.75
    expect(sen2Of([...onTime(5), ...late(11)], YEAR).pc_plans_issued_within_20_weeks).toBe(31.3); // 31.25
    expect(sen2Of([...onTime(2), ...late(1)], YEAR).pc_plans_issued_within_20_weeks).toBe(66.7);
  });

  it('averages weeks to one decimal, halves up: 140 and 147 days is 20.5 weeks', () => {
    expect(sen2Of([plan('2026-01-19'), plan('2026-01-26')], YEAR).avg_weeks_issue_plan).toBe(20.5);
  });

  it('gives null percentages and averages, and zero counts, when nothing happened (documented choice)', () => {
    expect(sen2Of([plan('2026-01-19', true)], { from: '2027-01-01', to: '2027-12-31' })).toEqual({
      plans_issued_den: 0,
      plans_issued_within_20_weeks: 0,
      pc_plans_issued_within_20_weeks: null,
      plans_issued_den_ex: 0,
      plans_issued_20_weeks_ex: 0,
      pc_plans_issued_20_weeks_ex: null,
      plans_issued_gt20weeks_ltyear: 0,
      pc_plans_issued_gt20weeks_ltyear: null,
      plans_issued_gt_1_year: 0,
      pc_plans_issued_gt_1_year: null,
      plans_issued_gt20weeks_ltyear_ex: 0,
      pc_plans_issued_gt20weeks_ltyear_ex: null,
      plans_issued_gt_1_year_ex: 0,
      pc_plans_issued_gt_1_year_ex: null,
      avg_weeks_issue_plan: null,
      avg_weeks_issue_plan_exc: null,
      plans_excluded_appeal: 0,
      requests_decided: 0,
      requests_decided_within_6_weeks: 0,
      pc_requests_decided_within_6_weeks: null,
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
    });
    expect(sen2Of([plan('2026-01-19', true)], YEAR)).toMatchObject({
      plans_issued_den: 1,
      plans_issued_den_ex: 0,
      pc_plans_issued_20_weeks_ex: null,
      pc_plans_issued_gt_1_year_ex: null,
      avg_weeks_issue_plan: 20,
      avg_weeks_issue_plan_exc: null,
    });
  });
});

describe('sen2Of: requests, reviews and phase transfers (DOMAIN.md "More measures")', () => {
  const decided = (assessmentDecidedOn: string, assessmentRefused = false): CaseTimeline => ({
    ...CASE,
    assessmentDecidedOn,
    assessmentRefused,
  });
  const withDeadlines = (...deadlines: Sen2Deadline[]): CaseTimeline => ({ ...CASE, deadlines });
  const deadline = (
    kind: Sen2Deadline['kind'],
    startsOn: string,
    dueOn: string,
    metOn: string | null,
    cancelledOn: string | null = null,
  ): Sen2Deadline => ({ kind, startsOn, dueOn, metOn, cancelledOn });

  it('counts decisions whether to assess made in the period, within 6 weeks (R + 42, reg 5(1)), and refusals', () => {
    const figures = sen2Of(
      [
        decided('2025-10-13'), // R + 42: within 6 weeks
        decided('2025-10-14', true), // R + 43: late, a refusal
        decided('2025-09-20', true),
        decided('2026-01-05'), // decided outside the period
        CASE, // not decided yet
      ],
      { from: '2025-09-01', to: '2025-12-31' },
    );
    expect(figures).toMatchObject({
      requests_decided: 3,
      requests_decided_within_6_weeks: 2,
      pc_requests_decided_within_6_weeks: 66.7,
      requests_refused: 2,
      plans_issued_den: 0,
    });
  });

  it('counts annual reviews due in the period and those completed by their due date (CFA s44(1))', () => {
    const review = (dueOn: string, metOn: string | null, cancelledOn: string | null = null) =>
      deadline('annual_review', '2025-01-10', dueOn, metOn, cancelledOn);
    const figures = sen2Of(
      [
        withDeadlines(
          review('2026-01-09', '2026-01-09'), // met on its due date
          review('2026-03-01', '2026-03-02'), // met late
          review('2026-05-01', null), // overdue
          review('2026-06-01', null, '2026-07-01'), // overdue, then the plan ceased: it was due
          review('2026-08-01', null, '2026-08-01'), // cancelled by its due date: never due
          review('2027-01-09', '2026-12-01'), // due after the period
        ),
      ],
      YEAR,
    );
    expect(figures).toMatchObject({
      reviews_due: 4,
      reviews_completed_on_time: 1,
      pc_reviews_completed_on_time: 25,
    });
  });

  it('counts review decisions made in the period, within 4 weeks of the meeting (M + 28, reg 20(10))', () => {
    const decision = (meetingOn: string, decidedOn: string | null) =>
      deadline('review_decision', meetingOn, '2099-01-01', decidedOn);
    const figures = sen2Of(
      [
        withDeadlines(
          decision('2026-02-01', '2026-03-01'), // M + 28
          decision('2026-03-01', '2026-03-30'), // M + 29
          decision('2026-04-01', null), // not decided yet
          decision('2025-12-01', '2025-12-20'), // decided before the period
        ),
      ],
      YEAR,
    );
    expect(figures).toMatchObject({
      review_decisions: 2,
      review_decisions_within_4_weeks: 1,
      pc_review_decisions_within_4_weeks: 50,
    });
  });

  it('counts phase transfers due in the period and those met by their due date (reg 18(1))', () => {
    const transfer = (dueOn: string, metOn: string | null, cancelledOn: string | null = null) =>
      deadline('phase_transfer', '2025-06-01', dueOn, metOn, cancelledOn);
    const figures = sen2Of(
      [
        withDeadlines(transfer('2026-02-14', '2026-02-14'), transfer('2026-03-30', null)),
        withDeadlines(transfer('2026-02-14', '2026-02-20'), transfer('2026-02-14', null, '2025-12-01')),
      ],
      YEAR,
    );
    expect(figures).toMatchObject({
      phase_transfers_due: 3,
      phase_transfers_met: 1,
      pc_phase_transfers_met: 33.3,
    });
  });

  it('takes each team from its case', () => {
    const south = { ...decided('2025-10-01'), team: 'south' };
    expect(
      sen2Of([south, decided('2025-10-01')], { from: R, to: '2025-12-31', team: 'south' }).requests_decided,
    ).toBe(1);
  });
});

describe('sen2ByMonth', () => {
  it('gives one row per calendar month, clipping the first and last months to the period', () => {
    const rows = sen2ByMonth([plan('2026-01-10'), plan('2026-01-20'), plan('2026-03-31')], {
      from: '2026-01-15',
      to: '2026-03-31',
    });
    expect(rows.map((row) => [row.month, row.plans_issued_den])).toEqual([
      ['2026-01', 1],
      ['2026-02', 0],
      ['2026-03', 1],
    ]);
  });

  it('dates each measure by its own fact: requests by their decision, reviews by their due date', () => {
    const timeline: CaseTimeline = {
      ...plan('2026-01-19'),
      assessmentDecidedOn: '2025-10-01',
      deadlines: [
        {
          kind: 'annual_review',
          startsOn: '2026-01-19',
          dueOn: '2027-01-18',
          metOn: null,
          cancelledOn: null,
        },
      ],
    };
    const rows = sen2ByMonth([timeline], { from: '2025-10-01', to: '2027-01-31' });
    const nonZero = rows.filter((row) => row.plans_issued_den + row.requests_decided + row.reviews_due > 0);
    expect(
      nonZero.map((row) => [row.month, row.plans_issued_den, row.requests_decided, row.reviews_due]),
    ).toEqual([
      ['2025-10', 0, 1, 0],
      ['2026-01', 1, 0, 0],
      ['2027-01', 0, 0, 1],
    ]);
  });

  it('clips the last month to the end of the period', () => {
    const rows = sen2ByMonth([plan('2026-03-15'), plan('2026-03-16')], {
      from: '2026-02-01',
      to: '2026-03-15',
    });
    expect(rows.map((row) => [row.month, row.plans_issued_den])).toEqual([
      ['2026-02', 0],
      ['2026-03', 1],
    ]);
  });

  it('crosses a year end', () => {
    const rows = sen2ByMonth([], { from: '2025-12-01', to: '2026-01-31' });
    expect(rows.map((row) => row.month)).toEqual(['2025-12', '2026-01']);
  });
});

describe('sen2ByTeam', () => {
  const timelines = [
    plan('2026-01-19', false, 'south'),
    plan('2026-01-20', false, 'north'),
    plan('2026-02-01', false, 'east'),
  ];

  it("gives each of the caller's teams, in code order and zeros included, and their total", () => {
    const { teams, total } = sen2ByTeam(timelines, YEAR, ['south', 'north', 'west']);
    expect(teams.map((row) => [row.team, row.plans_issued_den, row.plans_issued_within_20_weeks])).toEqual([
      ['north', 1, 0],
      ['south', 1, 1],
      ['west', 0, 0],
    ]);
    expect(teams[2]).toEqual({ team: 'west', ...NOTHING });
    expect(total).toEqual(sen2Of(timelines.slice(0, 2), YEAR));
  });

  it('gives every team with a fact in the period when no teams are named (an admin)', () => {
    const { teams, total } = sen2ByTeam(timelines, { from: '2026-01-20', to: '2026-12-31' }, null);
    expect(teams.map((row) => row.team)).toEqual(['east', 'north']);
    expect(total.plans_issued_den).toBe(2);
  });
});

describe('timelineOf', () => {
  const sen2Deadlines = (state: EhcpCase) =>
    deadlinesOf(state)
      .filter((deadline) => (SEN2_DEADLINE_KINDS as readonly string[]).includes(deadline.kind))
      .map(({ kind, startsOn, dueOn, metOn, cancelledOn }) => ({
        kind,
        startsOn,
        dueOn,
        metOn,
        cancelledOn,
      }));

  it('is null before the request', () => {
    expect(timelineOf(replay([]))).toBeNull();
  });

  it("takes the first final plan, the decision to assess and the case's review and transfer deadlines", () => {
    const events = [
      ...history.planMaintained,
      on.transferPlanned('tr-1', 'school_phase', 2027, '2026-03-01'),
      on.reviewHeld('rev-1', '2026-12-01'),
      on.reviewDecided('rev-1', 'maintain', '2026-12-20'),
    ];
    const state = replay(events) as EhcpCase;
    const timeline = timelineOf(state);
    expect(timeline).toEqual({
      team: 'north',
      requestReceivedOn: '2025-09-01',
      openedByRequest: true,
      firstFinalPlanIssuedOn: '2026-01-12',
      finalPlanExceptionApplies: false,
      appealOrMediationBeforePlan: false,
      assessmentDecidedOn: '2025-10-06',
      assessmentRefused: false,
      deadlines: sen2Deadlines(state),
    });
    expect(timeline?.deadlines.map((deadline) => deadline.kind).sort()).toEqual([
      'annual_review',
      'annual_review',
      'phase_transfer',
      'review_decision',
    ]);
  });

  it('knows whether an exception applies to the final_plan deadline', () => {
    const withException = [
      ...history.planMaintained,
      on.exception('absence_from_area', '2025-10-01', '2025-11-30'),
    ];
    expect(timelineOf(replay(withException))?.finalPlanExceptionApplies).toBe(true);
  });

  it('an exception that starts after the 20 weeks leaves the plan in the _ex figures, as a late plan (2nd ed.; reg 13(3))', () => {
    // Request 1 Sep 2025, due 19 Jan 2026; circumstances 1 .. 10 Feb 2026; final plan 2 Mar 2026.
    const late = [
      ...history.draftIssued,
      on.representations('2026-01-02'),
      on.exception('exceptional_personal_circumstances', '2026-02-01', '2026-02-10'),
      on.finalIssued('2026-03-02'),
    ];
    const timeline = timelineOf(replay(late));
    expect(timeline?.finalPlanExceptionApplies).toBe(false);
    expect(sen2Of([timeline!], YEAR)).toMatchObject({
      plans_issued_den: 1,
      plans_issued_within_20_weeks: 0,
      plans_issued_den_ex: 1,
      plans_issued_20_weeks_ex: 0,
      pc_plans_issued_20_weeks_ex: 0,
    });
  });

  it('records a refusal as the decision on the request, even when reversed later', () => {
    const reversed = replay([...history.refused, on.assessed('2025-11-01')]);
    expect(timelineOf(reversed)).toMatchObject({
      assessmentDecidedOn: '2025-10-06',
      assessmentRefused: true,
    });
  });

  it('has no decision on the request while none was made', () => {
    expect(timelineOf(replay(history.requested))).toMatchObject({
      assessmentDecidedOn: null,
      assessmentRefused: false,
    });
  });

  it('ignores amended plans: only the first final plan counts', () => {
    const amended = [
      ...history.planMaintained,
      on.noticeIssued('not-1', '2027-01-05'),
      on.amendedIssued('not-1', '2027-02-01'),
    ];
    expect(timelineOf(replay(amended))?.firstFinalPlanIssuedOn).toBe('2026-01-12');
  });

  it('has no issue date while no final plan exists', () => {
    expect(timelineOf(replay(history.draftIssued))?.firstFinalPlanIssuedOn).toBeNull();
  });

  it('knows whether the case was opened by a request (false for a plan transferred in)', () => {
    const state = replay(history.planMaintained) as EhcpCase;
    expect(timelineOf(state)?.openedByRequest).toBe(true);
    expect(timelineOf({ ...state, openedByRequest: false })?.openedByRequest).toBe(false);
  });

  // DfE EHC plans data guidance (2024): timeliness covers assessments "where no mediation or tribunal
  // has taken place". Appeals and mediations are recorded by a later process; the state is built here.
  it.each([
    ['no appeal or mediation', [], false],
    ['an appeal lodged before the plan', ['2025-11-01'], true],
    ['a mediation started on the day the plan was issued', ['2026-01-12'], true],
    ['a mediation started after the plan (about its contents)', ['2026-01-13'], false],
  ])('puts the plan on a disputed path after %s', (_, startedOn, disputed) => {
    const state = replay(history.planMaintained) as EhcpCase;
    const timeline = timelineOf({ ...state, appealsAndMediationsStartedOn: startedOn });
    expect(timeline?.appealOrMediationBeforePlan).toBe(disputed);
  });

  it('puts no case on a disputed path before its plan', () => {
    const state = replay(history.refused) as EhcpCase;
    expect(
      timelineOf({ ...state, appealsAndMediationsStartedOn: ['2025-10-20'] })?.appealOrMediationBeforePlan,
    ).toBe(false);
  });
});

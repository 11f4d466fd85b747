import { replay } from '../ehcp-case/ehcp-case.evolve';
import { on } from '../testing/case-events';
import { history } from '../testing/ehcp-case.fixtures';
import { sen2ByMonth, sen2Of, timelineOf, type CaseTimeline } from './sen2.calculator';

const R = '2025-09-01';
const plan = (issuedOn: string | null, finalPlanExceptionApplies = false, team = 'north'): CaseTimeline => ({
  team,
  requestReceivedOn: R,
  firstFinalPlanIssuedOn: issuedOn,
  finalPlanExceptionApplies,
});
const YEAR = { from: '2026-01-01', to: '2026-12-31' };

describe('sen2Of (DfE SEN2 timeliness)', () => {
  it('bands new plans by R + 140 and R + 364, and averages weeks to issue', () => {
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
      plans_issued_den: 4,
      plans_issued_within_20_weeks: 1,
      pc_plans_issued_within_20_weeks: 25,
      plans_issued_den_ex: 4,
      plans_issued_20_weeks_ex: 1,
      pc_plans_issued_20_weeks_ex: 25,
      plans_issued_gt20weeks_ltyear: 2,
      plans_issued_gt_1_year: 1,
      // (140 + 141 + 364 + 365) / 4 / 7 = 36.07 weeks
      avg_weeks_issue_plan: 36.1,
      avg_weeks_issue_plan_exc: 36.1,
    });
  });

  it('leaves plans with a final_plan exception out of numerator and denominator of the _ex fields', () => {
    const figures = sen2Of([plan('2026-01-19'), plan('2026-03-01', true), plan('2026-03-02')], YEAR);
    expect(figures).toMatchObject({
      plans_issued_den: 3,
      plans_issued_within_20_weeks: 1,
      pc_plans_issued_within_20_weeks: 33.3,
      plans_issued_den_ex: 2,
      plans_issued_20_weeks_ex: 1,
      pc_plans_issued_20_weeks_ex: 50,
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

  it('gives null percentages and averages, and zero counts, when no plan was issued (documented choice)', () => {
    expect(sen2Of([plan('2026-01-19', true)], { from: '2027-01-01', to: '2027-12-31' })).toEqual({
      plans_issued_den: 0,
      plans_issued_within_20_weeks: 0,
      pc_plans_issued_within_20_weeks: null,
      plans_issued_den_ex: 0,
      plans_issued_20_weeks_ex: 0,
      pc_plans_issued_20_weeks_ex: null,
      plans_issued_gt20weeks_ltyear: 0,
      plans_issued_gt_1_year: 0,
      avg_weeks_issue_plan: null,
      avg_weeks_issue_plan_exc: null,
    });
    expect(sen2Of([plan('2026-01-19', true)], YEAR)).toMatchObject({
      plans_issued_den: 1,
      plans_issued_den_ex: 0,
      pc_plans_issued_20_weeks_ex: null,
      avg_weeks_issue_plan: 20,
      avg_weeks_issue_plan_exc: null,
    });
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

  it('crosses a year end', () => {
    const rows = sen2ByMonth([], { from: '2025-12-01', to: '2026-01-31' });
    expect(rows.map((row) => row.month)).toEqual(['2025-12', '2026-01']);
  });
});

describe('timelineOf', () => {
  it('is null before the request', () => {
    expect(timelineOf(replay([]))).toBeNull();
  });

  it("takes the first final plan and whether an exception applies to the case's final_plan deadline", () => {
    expect(timelineOf(replay(history.planMaintained))).toEqual({
      team: 'north',
      requestReceivedOn: '2025-09-01',
      firstFinalPlanIssuedOn: '2026-01-12',
      finalPlanExceptionApplies: false,
    });
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
});

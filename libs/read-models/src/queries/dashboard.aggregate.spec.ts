import { ADVICE_SOURCES } from '@ehcp/domain';
import {
  deadlineCountsOf,
  medianDaysOf,
  medianOfCounts,
  monthlyRateOf,
  seriesStartOf,
  stageDaysOf,
  stageMediansOf,
  stagesOf,
} from './dashboard.aggregate';

describe("the manager's dashboard shaping", () => {
  describe('seriesStartOf', () => {
    it('starts the 24-month series on the first day of the month 23 months before the last', () => {
      expect(seriesStartOf('2026-12-06')).toBe('2025-01-01');
      expect(seriesStartOf('2025-01-31')).toBe('2023-02-01');
      expect(seriesStartOf('2024-03-01', 1)).toBe('2024-03-01');
    });
  });

  it('monthlyRateOf keeps the month and its 20-week measure', () => {
    const figures = { month: '2025-01', plans_issued_den: 4, plans_issued_within_20_weeks: 1 };
    expect(
      monthlyRateOf({ ...figures, pc_plans_issued_within_20_weeks: 25 } as Parameters<
        typeof monthlyRateOf
      >[0]),
    ).toEqual({ ...figures, pc_plans_issued_within_20_weeks: 25 });
  });

  it('medianDaysOf gives one decimal, null for none', () => {
    expect(medianDaysOf(null)).toBeNull();
    expect(medianDaysOf(42)).toBe(42);
    expect(medianDaysOf(42.5)).toBe(42.5);
    expect(medianDaysOf('140.25')).toBe(140.3);
  });

  describe('medianOfCounts (as percentile_cont(0.5) over the plans the counts stand for)', () => {
    const counted = (...days: number[]) =>
      [...new Set(days)].map((value) => ({ days: value, plans: days.filter((d) => d === value).length }));

    it('gives the middle value of an odd count, the mean of the two middle values of an even one', () => {
      expect(medianOfCounts(counted(10, 30, 20))).toBe(20);
      expect(medianOfCounts(counted(10, 20, 30, 40))).toBe(25);
      expect(medianOfCounts(counted(7, 7, 7, 100))).toBe(7);
      expect(medianOfCounts(counted(1, 2, 2, 3, 9, 9))).toBe(2.5);
    });

    it('is null with no plan', () => {
      expect(medianOfCounts([])).toBeNull();
      expect(medianOfCounts([{ days: 5, plans: 0 }])).toBeNull();
    });

    it('agrees with the median of the plans themselves for many random counts', () => {
      for (let trial = 0; trial < 200; trial++) {
        const days = Array.from(
          { length: 1 + (trial % 37) },
          (_, i) => ((i * 7919 + trial * 104729) % 61) + 20,
        );
        const sorted = [...days].sort((a, b) => a - b);
        const middle = (sorted.length - 1) / 2;
        const expected = (sorted[Math.floor(middle)] + sorted[Math.ceil(middle)]) / 2;
        expect(medianOfCounts(counted(...days))).toBe(expected);
      }
    });
  });

  it('stageDaysOf names the stage of each grouping set and leaves out plans without that stage', () => {
    const row = { team: 'north', to_decision: null, to_draft: null, to_final: null, plans: 3 };
    expect(
      stageDaysOf([{ ...row, to_decision: 40 }, { ...row, to_draft: 90 }, { ...row, to_final: 140 }, row]),
    ).toEqual([
      { team: 'north', stage: 'decision', days: 40, plans: 3 },
      { team: 'north', stage: 'draft', days: 90, plans: 3 },
      { team: 'north', stage: 'final', days: 140, plans: 3 },
    ]);
  });

  it('stageMediansOf gives each team its medians and the total the median over every team', () => {
    const rows = [
      { team: 'north', stage: 'final' as const, days: 100, plans: 1 },
      { team: 'north', stage: 'final' as const, days: 120, plans: 1 },
      { team: 'south', stage: 'final' as const, days: 200, plans: 1 },
      { team: 'south', stage: 'decision' as const, days: 40, plans: 1 },
    ];
    expect(stageMediansOf(rows)).toEqual([
      { team: 'north', plans: 2, to_decision: null, to_draft: null, to_final: 110 },
      { team: 'south', plans: 1, to_decision: 40, to_draft: null, to_final: 200 },
      { team: null, plans: 3, to_decision: 40, to_draft: null, to_final: 120 },
    ]);
  });

  describe('stagesOf', () => {
    const medians = [
      { team: 'north', plans: 2, to_decision: 41.5, to_draft: 90, to_final: 140 },
      { team: null, plans: 2, to_decision: 41.5, to_draft: 90, to_final: 140 },
    ];
    const advice = [
      { team: 'north', source: 'health', due: 3, on_time: 2 },
      { team: null, source: 'health', due: 3, on_time: 2 },
    ];

    it('gives each chosen team (zeros for a team without rows) and the total, every advice source', () => {
      const { teams, total } = stagesOf(['south', 'north'], medians, advice);
      expect(teams.map((team) => team.team)).toEqual(['north', 'south']);
      expect(teams[0]).toMatchObject({
        plans_issued: 2,
        median_days_to_decision: 41.5,
        median_days_to_draft: 90,
        median_days_to_final: 140,
      });
      expect(teams[0].advice.map((row) => row.source)).toEqual([...ADVICE_SOURCES]);
      expect(teams[0].advice.find((row) => row.source === 'health')).toEqual({
        source: 'health',
        due: 3,
        met_on_time: 2,
        pc_met_on_time: 66.7,
      });
      expect(teams[1]).toMatchObject({ team: 'south', plans_issued: 0, median_days_to_final: null });
      expect(teams[1].advice.every((row) => row.due === 0 && row.pc_met_on_time === null)).toBe(true);
      expect(total.plans_issued).toBe(2);
    });

    it('with every team (admin) lists the teams its rows name', () => {
      const { teams } = stagesOf(null, medians, [
        ...advice,
        { team: 'east', source: 'other', due: 1, on_time: 1 },
      ]);
      expect(teams.map((team) => team.team)).toEqual(['east', 'north']);
    });
  });

  it('deadlineCountsOf titles each kind from the domain, by kind then team', () => {
    expect(
      deadlineCountsOf([
        { kind: 'final_plan', team: 'south', due_soon: 1, overdue: 0 },
        { kind: 'decision_to_assess', team: 'north', due_soon: 0, overdue: 2 },
        { kind: 'final_plan', team: 'north', due_soon: 3, overdue: 1 },
      ]),
    ).toEqual([
      {
        kind: 'decision_to_assess',
        title: 'Decide whether to assess',
        team: 'north',
        due_soon: 0,
        overdue: 2,
      },
      { kind: 'final_plan', title: expect.any(String), team: 'north', due_soon: 3, overdue: 1 },
      { kind: 'final_plan', title: expect.any(String), team: 'south', due_soon: 1, overdue: 0 },
    ]);
  });
});

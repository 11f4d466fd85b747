import type { Dashboard, MonthlyRate, Sen2Figures, Stages } from './dashboard.types';

// A small dashboard answer for the unit specs (the api's shape, two teams, three months).

const rate = (month: string, den: number, within: number): MonthlyRate => ({
  month,
  plans_issued_den: den,
  plans_issued_within_20_weeks: within,
  pc_plans_issued_within_20_weeks: den === 0 ? null : Math.round((1000 * within) / den) / 10,
});

const sen2 = (den: number, within: number, withViews: number): Sen2Figures => ({
  plans_issued_den: den,
  plans_issued_within_20_weeks: within,
  pc_plans_issued_within_20_weeks: den === 0 ? null : Math.round((1000 * within) / den) / 10,
  pc_plans_issued_20_weeks_ex: null,
  plans_issued_gt20weeks_ltyear: den - within,
  plans_issued_gt_1_year: 0,
  avg_weeks_issue_plan: 21.5,
  plans_excluded_appeal: 0,
  requests_decided: 3,
  pc_requests_decided_within_6_weeks: 66.7,
  reviews_due: 0,
  pc_reviews_completed_on_time: null,
  plans_issued_with_views: withViews,
  pc_plans_issued_with_views: den === 0 ? null : Math.round((1000 * withViews) / den) / 10,
  reviews_held: 2,
  reviews_held_with_views: 1,
  pc_reviews_held_with_views: 50,
});

const stages = (plans: number): Stages => ({
  plans_issued: plans,
  median_days_to_decision: 35,
  median_days_to_draft: 125.5,
  median_days_to_final: null,
  advice: [
    { source: 'educational_psychology', due: 2, met_on_time: 1, pc_met_on_time: 50 },
    { source: 'health', due: 0, met_on_time: 0, pc_met_on_time: null },
  ],
});

export const DASHBOARD: Dashboard = {
  period: { from: '2025-01-01', to: '2025-03-31', asOf: '2025-03-31', teams: ['north', 'south'] },
  monthly: {
    from: '2025-01-01',
    teams: [
      { team: 'north', months: [rate('2025-01', 2, 1), rate('2025-02', 0, 0), rate('2025-03', 1, 1)] },
      { team: 'south', months: [rate('2025-01', 1, 0), rate('2025-02', 0, 0), rate('2025-03', 0, 0)] },
    ],
    total: [rate('2025-01', 3, 1), rate('2025-02', 0, 0), rate('2025-03', 1, 1)],
  },
  sen2: {
    teams: [
      { team: 'north', ...sen2(3, 2, 1) },
      { team: 'south', ...sen2(1, 0, 1) },
    ],
    total: sen2(4, 2, 2),
  },
  england: {
    source: 'DfE',
    rates: [
      {
        year: 2023,
        pcPlansIssuedWithin20Weeks: 50.3,
        pcPlansIssuedWithin20WeeksEx: null,
        plansIssued: 84428,
      },
      {
        year: 2024,
        pcPlansIssuedWithin20Weeks: 46.4,
        pcPlansIssuedWithin20WeeksEx: null,
        plansIssued: 97747,
      },
    ],
  },
  stages: {
    teams: [
      { team: 'north', ...stages(3) },
      { team: 'south', ...stages(1) },
    ],
    total: stages(4),
  },
  deadlines: [
    {
      kind: 'assessment_decision',
      title: 'Decide whether to assess',
      team: 'north',
      due_soon: 1,
      overdue: 0,
    },
  ],
  qa: {
    audits: 2,
    goodOrBetterPct: 50,
    grades: { outstanding: 0, good: 1, requires_improvement: 0, inadequate: 1 },
    sections: {
      A: { averageScore: 3, inadequate: 0 },
      B: { averageScore: 2.5, inadequate: 1 },
      C: { averageScore: null, inadequate: 0 },
    },
    coveragePct: 25,
  },
};

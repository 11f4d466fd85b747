import type { PublicTimeliness, PublishedRow } from './public-timeliness.types';

// A small GET /public/timeliness answer for the unit specs: two months, two teams, one of them small.

const row = (fields: Partial<PublishedRow>): PublishedRow => ({
  plans_issued_den: 0,
  plans_issued_within_20_weeks: 0,
  pc_plans_issued_within_20_weeks: null,
  plans_issued_den_ex: 0,
  plans_issued_20_weeks_ex: 0,
  pc_plans_issued_20_weeks_ex: null,
  requests_decided: 0,
  requests_decided_within_6_weeks: 0,
  pc_requests_decided_within_6_weeks: null,
  reviews_due: 0,
  reviews_completed_on_time: 0,
  pc_reviews_completed_on_time: null,
  suppressed: [],
  withheld: [],
  ...fields,
});

/** South issued 3 plans (suppressed); north 6, 5 within 20 weeks. */
const NORTH = row({
  plans_issued_den: 6,
  plans_issued_within_20_weeks: 5,
  pc_plans_issued_within_20_weeks: 83.3,
  plans_issued_den_ex: 6,
  plans_issued_20_weeks_ex: 5,
  pc_plans_issued_20_weeks_ex: 83.3,
  requests_decided: 12,
  requests_decided_within_6_weeks: 9,
  pc_requests_decided_within_6_weeks: 75,
});
const SOUTH = row({
  plans_issued_den: null,
  plans_issued_within_20_weeks: null,
  pc_plans_issued_within_20_weeks: null,
  plans_issued_den_ex: null,
  plans_issued_20_weeks_ex: null,
  pc_plans_issued_20_weeks_ex: null,
  suppressed: [
    'plans_issued_den',
    'plans_issued_within_20_weeks',
    'plans_issued_den_ex',
    'plans_issued_20_weeks_ex',
  ],
  withheld: ['pc_plans_issued_within_20_weeks', 'pc_plans_issued_20_weeks_ex'],
});
const TOTAL = row({
  plans_issued_den: 9,
  plans_issued_within_20_weeks: 7,
  pc_plans_issued_within_20_weeks: 77.8,
  plans_issued_den_ex: 9,
  plans_issued_20_weeks_ex: 7,
  pc_plans_issued_20_weeks_ex: 77.8,
  requests_decided: 12,
  requests_decided_within_6_weeks: 9,
  pc_requests_decided_within_6_weeks: 75,
});

export const PUBLIC_TIMELINESS: PublicTimeliness = {
  period: { from: '2025-01-01', to: '2025-02-28' },
  council: { name: 'Riverside Council' },
  england: {
    source: 'DfE',
    rates: [
      {
        year: 2024,
        pcPlansIssuedWithin20Weeks: 46.4,
        pcPlansIssuedWithin20WeeksEx: null,
        plansIssued: 97747,
      },
    ],
  },
  months: [
    {
      month: '2025-01',
      total: TOTAL,
      teams: [
        { team: 'north', name: 'North team', ...NORTH },
        { team: 'south', name: 'South, "central" team', ...SOUTH },
      ],
    },
    {
      month: '2025-02',
      total: row({}),
      teams: [
        { team: 'north', name: 'North team', ...row({}) },
        { team: 'south', name: 'South, "central" team', ...row({}) },
      ],
    },
  ],
  totals: {
    total: TOTAL,
    teams: [
      { team: 'north', name: 'North team', ...NORTH },
      { team: 'south', name: 'South, "central" team', ...SOUTH },
    ],
  },
};

import { type DataTable, englandRateFor, monthText, type RateSeries } from './dashboard.view-model';
import { countText, countValue, percentageText, percentageValue, WITHHELD } from './published-cells';
import type { PublicTimeliness, PublishedRow } from './public-timeliness.types';

// The public timeliness page's tables and chart, from GET /public/timeliness. Suppressed counts read
// "fewer than 5" and withheld percentages "withheld" (published-cells.ts).

const NO_PLANS = 'No plans';

/** The council's 20-week rate by month, with and without exceptions, beside England's. */
export function councilMonthlyTable(data: PublicTimeliness): DataTable {
  return {
    name: 'monthly',
    caption: 'New plans issued within 20 weeks, by month',
    head: [
      'Month',
      'New plans',
      'Within 20 weeks',
      'Within 20 weeks (%)',
      'New plans with no exception',
      'Of those, within 20 weeks',
      'Within 20 weeks, no exception (%)',
      'England: within 20 weeks (%, year)',
    ],
    rows: data.months.map(({ month, total }) => {
      const england = englandRateFor(month, data.england.rates);
      return [
        { text: monthText(month) },
        { text: countText(total, 'plans_issued_den') },
        { text: countText(total, 'plans_issued_within_20_weeks') },
        { text: percentageText(total, 'pc_plans_issued_within_20_weeks', NO_PLANS) },
        { text: countText(total, 'plans_issued_den_ex') },
        { text: countText(total, 'plans_issued_20_weeks_ex') },
        { text: percentageText(total, 'pc_plans_issued_20_weeks_ex', NO_PLANS) },
        {
          text:
            england === null
              ? 'Not published'
              : `${england.pcPlansIssuedWithin20Weeks.toFixed(1)} (${england.year})`,
        },
      ];
    }),
    emptyText: 'No months to show.',
  };
}

function teamRows(data: PublicTimeliness): [string, PublishedRow][] {
  return [
    ...data.totals.teams.map((team): [string, PublishedRow] => [team.name, team]),
    [`${data.council.name} (all teams)`, data.totals.total],
  ];
}

/** The 20-week rate of each team for the whole period. */
export function teamPlansTable(data: PublicTimeliness): DataTable {
  return {
    name: 'team-plans',
    caption: 'New plans issued within 20 weeks, by team, for the whole period',
    head: [
      'Team',
      'New plans',
      'Within 20 weeks',
      'Within 20 weeks (%)',
      'New plans with no exception',
      'Of those, within 20 weeks',
      'Within 20 weeks, no exception (%)',
    ],
    rows: teamRows(data).map(([name, row]) => [
      { text: name },
      { text: countText(row, 'plans_issued_den') },
      { text: countText(row, 'plans_issued_within_20_weeks') },
      { text: percentageText(row, 'pc_plans_issued_within_20_weeks', NO_PLANS) },
      { text: countText(row, 'plans_issued_den_ex') },
      { text: countText(row, 'plans_issued_20_weeks_ex') },
      { text: percentageText(row, 'pc_plans_issued_20_weeks_ex', NO_PLANS) },
    ]),
    emptyText: 'No teams to show.',
  };
}

/** Decisions whether to assess (6 weeks) and annual reviews on time, by team, for the whole period. */
export function teamDecisionsTable(data: PublicTimeliness): DataTable {
  return {
    name: 'team-decisions',
    caption: 'Requests decided within 6 weeks and annual reviews on time, by team, for the whole period',
    head: [
      'Team',
      'Requests decided',
      'Decided within 6 weeks',
      'Decided within 6 weeks (%)',
      'Annual reviews due',
      'Reviews on time',
      'Reviews on time (%)',
    ],
    rows: teamRows(data).map(([name, row]) => [
      { text: name },
      { text: countText(row, 'requests_decided') },
      { text: countText(row, 'requests_decided_within_6_weeks') },
      { text: percentageText(row, 'pc_requests_decided_within_6_weeks', 'No decisions') },
      { text: countText(row, 'reviews_due') },
      { text: countText(row, 'reviews_completed_on_time') },
      { text: percentageText(row, 'pc_reviews_completed_on_time', 'No reviews due') },
    ]),
    emptyText: 'No teams to show.',
  };
}

/**
 * The chart's lines: the council's rate with and without exceptions, and England's. A withheld
 * month is a gap in the line; the table beside the chart says why.
 */
export function councilRateSeries(data: PublicTimeliness): RateSeries {
  const months = data.months.map(({ month }) => month);
  return {
    months,
    teams: [
      {
        name: `${data.council.name}, plans with no exception`,
        values: data.months.map(({ total }) => total.pc_plans_issued_20_weeks_ex),
      },
    ],
    totalName: `${data.council.name}, all new plans`,
    total: data.months.map(({ month, total }) => ({
      month,
      plans_issued_den: total.plans_issued_den ?? 0,
      plans_issued_within_20_weeks: total.plans_issued_within_20_weeks ?? 0,
      pc_plans_issued_within_20_weeks: total.pc_plans_issued_within_20_weeks,
    })),
    england: months.map((month) => englandRateFor(month, data.england.rates)),
  };
}

/** The open-data file's columns, in order (the data dictionary describes each). */
export const CSV_HEAD = [
  'time_period',
  'level',
  'team_code',
  'team_name',
  'plans_issued_den',
  'plans_issued_within_20_weeks',
  'pc_plans_issued_within_20_weeks',
  'plans_issued_den_ex',
  'plans_issued_20_weeks_ex',
  'pc_plans_issued_20_weeks_ex',
  'requests_decided',
  'requests_decided_within_6_weeks',
  'pc_requests_decided_within_6_weeks',
  'reviews_due',
  'reviews_completed_on_time',
  'pc_reviews_completed_on_time',
] as const;

function csvValues(row: PublishedRow): string[] {
  return [
    countValue(row, 'plans_issued_den'),
    countValue(row, 'plans_issued_within_20_weeks'),
    percentageValue(row, 'pc_plans_issued_within_20_weeks'),
    countValue(row, 'plans_issued_den_ex'),
    countValue(row, 'plans_issued_20_weeks_ex'),
    percentageValue(row, 'pc_plans_issued_20_weeks_ex'),
    countValue(row, 'requests_decided'),
    countValue(row, 'requests_decided_within_6_weeks'),
    percentageValue(row, 'pc_requests_decided_within_6_weeks'),
    countValue(row, 'reviews_due'),
    countValue(row, 'reviews_completed_on_time'),
    percentageValue(row, 'pc_reviews_completed_on_time'),
  ];
}

/** One row per month: the council first, then each team. */
export function csvRows(data: PublicTimeliness): string[][] {
  return data.months.flatMap(({ month, total, teams }) => [
    [month, 'council', '', data.council.name, ...csvValues(total)],
    ...teams.map((team) => [month, 'team', team.team, team.name, ...csvValues(team)]),
  ]);
}

/** The period's 20-week rate in one sentence (the page's headline). */
export function headlineOf(data: PublicTimeliness, period: string): string {
  const total = data.totals.total;
  const plans = countText(total, 'plans_issued_den');
  const safe = 'so that no child can be identified';
  if (plans === WITHHELD)
    return `From ${period}, we do not give the number of new EHC plans or how many were issued within 20 weeks, ${safe}.`;
  if (total.withheld.includes('pc_plans_issued_within_20_weeks'))
    return `From ${period}, we issued ${plans} new EHC plans. We do not give the percentage within 20 weeks, ${safe}.`;
  if (total.pc_plans_issued_within_20_weeks === null) return `From ${period}, we issued no new EHC plans.`;
  return `From ${period}, we issued ${plans} new EHC plans. ${total.pc_plans_issued_within_20_weeks.toFixed(1)}% of them were issued within 20 weeks.`;
}

import { escapeHtml } from '../views/escape-html';
import { govukMonth } from '../views/govuk-date.filter';
import { govukDate } from '../views/govuk-date.filter';
import type {
  Dashboard,
  DeadlineCounts,
  EnglandRate,
  MonthlyRate,
  Sen2Figures,
  Stages,
} from './dashboard.types';

// The manager's dashboard as tables: each table is shown on the page and downloaded as CSV from the
// same cells, so the two cannot disagree.

export interface Cell {
  readonly text: string;
  /** A link to the cases behind a count. */
  readonly href?: string;
}

export interface DataTable {
  /** The CSV download's `table` parameter. */
  readonly name: string;
  readonly caption: string;
  readonly head: readonly string[];
  /** The first column names the row; the others are numbers (right-aligned). */
  readonly rows: readonly (readonly Cell[])[];
  /** Said instead of an empty table. */
  readonly emptyText: string;
  /** How many leading columns are words (the rest are numbers, right-aligned); 1 unless set. */
  readonly textColumns?: number;
}

export const ALL_TEAMS = 'All chosen teams';
const NONE = 'None';

/** One decimal place as the api rounds it; null (nothing to divide by) in words. */
export function percentText(value: number | null, none = NONE): string {
  return value === null ? none : value.toFixed(1);
}

function countText(value: number): string {
  return value.toLocaleString('en-GB');
}

/** '2025-01' -> 'January 2025'. */
export const monthText = govukMonth;

/**
 * England's published rate to draw against a month: that calendar year's, or for months after the
 * latest published year, the latest (marked with its year); none for years without a figure.
 */
export function englandRateFor(month: string, rates: readonly EnglandRate[]): EnglandRate | null {
  const year = Number(month.slice(0, 4));
  const exact = rates.find((rate) => rate.year === year);
  if (exact) return exact;
  const latest = [...rates].sort((a, b) => b.year - a.year)[0];
  return latest && year > latest.year ? latest : null;
}

function englandText(rate: EnglandRate | null): string {
  return rate === null ? 'Not published' : `${rate.pcPlansIssuedWithin20Weeks.toFixed(1)} (${rate.year})`;
}

/** The 20-week rate series: each team, all chosen teams, England, by month (oldest first). */
export interface RateSeries {
  readonly months: readonly string[];
  readonly teams: readonly { readonly name: string; readonly values: readonly (number | null)[] }[];
  readonly total: readonly MonthlyRate[];
  /** The total line's name in the legend; ALL_TEAMS unless set. */
  readonly totalName?: string;
  readonly england: readonly (EnglandRate | null)[];
}

export function rateSeriesOf(dashboard: Dashboard): RateSeries {
  const months = dashboard.monthly.total.map((rate) => rate.month);
  const valueIn = (rates: readonly MonthlyRate[], month: string) =>
    rates.find((rate) => rate.month === month)?.pc_plans_issued_within_20_weeks ?? null;
  return {
    months,
    teams: dashboard.monthly.teams.map(({ team, months: rates }) => ({
      name: team,
      values: months.map((month) => valueIn(rates, month)),
    })),
    total: dashboard.monthly.total,
    england: months.map((month) => englandRateFor(month, dashboard.england.rates)),
  };
}

export function monthlyTable(series: RateSeries): DataTable {
  const head = [
    'Month',
    ...series.teams.map((team) => `${team.name}: within 20 weeks (%)`),
    `${ALL_TEAMS}: new plans issued`,
    `${ALL_TEAMS}: within 20 weeks (%)`,
    'England: within 20 weeks (%, year published)',
  ];
  const rows = series.months.map((month, index) => [
    { text: monthText(month) },
    ...series.teams.map((team) => ({ text: percentText(team.values[index], 'No plans') })),
    { text: countText(series.total[index].plans_issued_den) },
    { text: percentText(series.total[index].pc_plans_issued_within_20_weeks, 'No plans') },
    { text: englandText(series.england[index]) },
  ]);
  return {
    name: 'monthly',
    caption: 'New plans issued within 20 weeks, by month',
    head,
    rows,
    emptyText: 'No months to show.',
  };
}

type TeamRow<T> = T & { readonly team: string };

function byTeamAndTotal<T>(teams: readonly TeamRow<T>[], total: T): [string, T][] {
  return [...teams.map((row): [string, T] => [row.team, row]), [ALL_TEAMS, total]];
}

export function sen2PlansTable(sen2: Dashboard['sen2']): DataTable {
  return {
    name: 'sen2-plans',
    caption: 'New plans issued in the period (SEN2)',
    head: [
      'Team',
      'New plans issued',
      'Within 20 weeks',
      'Within 20 weeks (%)',
      'Within 20 weeks, exceptions excluded (%)',
      'After 20 weeks, within a year',
      'After a year',
      'Average weeks to the plan',
      'Left out: appeal or mediation',
    ],
    rows: byTeamAndTotal<Sen2Figures>(sen2.teams, sen2.total).map(([team, f]) => [
      { text: team },
      { text: countText(f.plans_issued_den) },
      { text: countText(f.plans_issued_within_20_weeks) },
      { text: percentText(f.pc_plans_issued_within_20_weeks) },
      { text: percentText(f.pc_plans_issued_20_weeks_ex) },
      { text: countText(f.plans_issued_gt20weeks_ltyear) },
      { text: countText(f.plans_issued_gt_1_year) },
      { text: percentText(f.avg_weeks_issue_plan) },
      { text: countText(f.plans_excluded_appeal) },
    ]),
    emptyText: 'No teams to show.',
  };
}

export function sen2DecisionsTable(sen2: Dashboard['sen2']): DataTable {
  return {
    name: 'sen2-decisions',
    caption: 'Decisions whether to assess and annual reviews in the period (SEN2)',
    head: [
      'Team',
      'Decisions whether to assess',
      'Decided within 6 weeks (%)',
      'Annual reviews due',
      'Reviews completed on time (%)',
    ],
    rows: byTeamAndTotal<Sen2Figures>(sen2.teams, sen2.total).map(([team, f]) => [
      { text: team },
      { text: countText(f.requests_decided) },
      { text: percentText(f.pc_requests_decided_within_6_weeks) },
      { text: countText(f.reviews_due) },
      { text: percentText(f.pc_reviews_completed_on_time) },
    ]),
    emptyText: 'No teams to show.',
  };
}

/** Children's views recorded (issue 17): for new plans before they were issued, and for annual reviews. */
export function sen2ViewsTable(sen2: Dashboard['sen2']): DataTable {
  return {
    name: 'sen2-views',
    caption: "Children's views recorded, for new plans and annual reviews in the period",
    head: [
      'Team',
      'New plans issued',
      "New plans with the child's views",
      "New plans with the child's views (%)",
      'Annual reviews held',
      "Reviews with the child's views",
      "Reviews with the child's views (%)",
    ],
    rows: byTeamAndTotal<Sen2Figures>(sen2.teams, sen2.total).map(([team, f]) => [
      { text: team },
      { text: countText(f.plans_issued_den) },
      { text: countText(f.plans_issued_with_views) },
      { text: percentText(f.pc_plans_issued_with_views) },
      { text: countText(f.reviews_held) },
      { text: countText(f.reviews_held_with_views) },
      { text: percentText(f.pc_reviews_held_with_views) },
    ]),
    emptyText: 'No teams to show.',
  };
}

export function stagesTable(stages: Dashboard['stages']): DataTable {
  return {
    name: 'stages',
    caption: 'Where the weeks go: median days from the request, for new plans issued in the period',
    head: ['Team', 'New plans issued', 'To the decision to assess', 'To the draft plan', 'To the final plan'],
    rows: byTeamAndTotal<Stages>(stages.teams, stages.total).map(([team, s]) => [
      { text: team },
      { text: countText(s.plans_issued) },
      { text: percentText(s.median_days_to_decision) },
      { text: percentText(s.median_days_to_draft) },
      { text: percentText(s.median_days_to_final) },
    ]),
    emptyText: 'No teams to show.',
  };
}

const ADVICE_SOURCE_NAMES: Record<string, string> = {
  educational: 'Education',
  educational_psychology: 'Educational psychology',
  health: 'Health',
  social_care: 'Social care',
  early_years: 'Early years',
  post16: 'Post-16',
  other: 'Other',
};

/** Advice due in the period by source: the sources with any due, per team and for all. */
export function adviceTable(stages: Dashboard['stages']): DataTable {
  const rows = byTeamAndTotal<Stages>(stages.teams, stages.total).flatMap(([team, s]) =>
    s.advice
      .filter((advice) => advice.due > 0)
      .map((advice) => [
        { text: team },
        { text: ADVICE_SOURCE_NAMES[advice.source] ?? advice.source },
        { text: countText(advice.due) },
        { text: countText(advice.met_on_time) },
        { text: percentText(advice.pc_met_on_time) },
      ]),
  );
  return {
    name: 'advice',
    caption: 'Advice received on time (6 weeks), by who gives it, for advice due in the period',
    head: ['Team', 'Advice from', 'Due', 'On time', 'On time (%)'],
    rows,
    emptyText: 'No advice was due in the period.',
    textColumns: 2,
  };
}

/** A link to the open deadlines behind a count (GET /deadlines, the list page). */
export function deadlinesHref(row: DeadlineCounts, status: 'due_soon' | 'overdue', asOf: string): string {
  const query = new URLSearchParams({ status, kind: row.kind, team: row.team, asOf });
  return `/deadlines?${query.toString()}`;
}

export function deadlinesTable(deadlines: readonly DeadlineCounts[], asOf: string): DataTable {
  return {
    name: 'deadlines',
    caption: `Open deadlines due soon or overdue on ${govukDate(asOf)}`,
    head: ['Deadline', 'Team', 'Due soon', 'Overdue'],
    rows: deadlines.map((row) => [
      { text: row.title },
      { text: row.team },
      row.due_soon > 0
        ? { text: countText(row.due_soon), href: deadlinesHref(row, 'due_soon', asOf) }
        : { text: '0' },
      row.overdue > 0
        ? { text: countText(row.overdue), href: deadlinesHref(row, 'overdue', asOf) }
        : { text: '0' },
    ]),
    emptyText: 'No open deadline is due soon or overdue.',
    textColumns: 2,
  };
}

export function qaTable(qa: Dashboard['qa']): DataTable {
  const rows: [string, string][] = [
    ['Audits in the period', countText(qa.audits)],
    ['Outstanding', countText(qa.grades.outstanding)],
    ['Good', countText(qa.grades.good)],
    ['Requires improvement', countText(qa.grades.requires_improvement)],
    ['Inadequate', countText(qa.grades.inadequate)],
    ['Good or better (%)', percentText(qa.goodOrBetterPct)],
    ['New final plans audited (%)', percentText(qa.coveragePct)],
  ];
  return {
    name: 'qa',
    caption: 'Quality assurance: audit grades in the period',
    head: ['Measure', 'Value'],
    rows: rows.map(([measure, value]) => [{ text: measure }, { text: value }]),
    emptyText: 'No audits.',
  };
}

/** The EHC plan's sections (SEND Regulations 2014 reg 12). */
const SECTION_NAMES: Record<string, string> = {
  A: 'A: views, interests and aspirations',
  B: 'B: special educational needs',
  C: 'C: health needs',
  D: 'D: social care needs',
  E: 'E: outcomes',
  F: 'F: special educational provision',
  G: 'G: health provision',
  H1: 'H1: social care provision (section 2)',
  H2: 'H2: other social care provision',
  I: 'I: placement',
  J: 'J: personal budget',
  K: 'K: advice and information',
};

/** The sections weakest first: lowest average score, then most graded inadequate; ungraded last. */
export function qaSectionsTable(qa: Dashboard['qa']): DataTable {
  const sections = Object.entries(qa.sections).sort(([a, x], [b, y]) => {
    if (x.averageScore === null || y.averageScore === null)
      return (x.averageScore === null ? 1 : 0) - (y.averageScore === null ? 1 : 0) || a.localeCompare(b);
    return x.averageScore - y.averageScore || y.inadequate - x.inadequate || a.localeCompare(b);
  });
  return {
    name: 'qa-sections',
    caption: 'Plan sections, weakest first (average score: 1 inadequate to 4 outstanding)',
    head: ['Section', 'Average score', 'Audits grading it inadequate'],
    rows: sections.map(([section, summary]) => [
      { text: SECTION_NAMES[section] ?? section },
      { text: summary.averageScore === null ? 'Not graded' : summary.averageScore.toFixed(1) },
      { text: countText(summary.inadequate) },
    ]),
    emptyText: 'No sections graded.',
  };
}

/** Every table of the dashboard, in page order. */
export function dashboardTables(dashboard: Dashboard): DataTable[] {
  return [
    monthlyTable(rateSeriesOf(dashboard)),
    sen2PlansTable(dashboard.sen2),
    sen2DecisionsTable(dashboard.sen2),
    sen2ViewsTable(dashboard.sen2),
    stagesTable(dashboard.stages),
    adviceTable(dashboard.stages),
    deadlinesTable(dashboard.deadlines, dashboard.period.asOf),
    qaTable(dashboard.qa),
    qaSectionsTable(dashboard.qa),
  ];
}

export const TABLE_NAMES = [
  'monthly',
  'sen2-plans',
  'sen2-decisions',
  'sen2-views',
  'stages',
  'advice',
  'deadlines',
  'qa',
  'qa-sections',
] as const;

/** A table as govukTable's parameters: the first column a row header, numbers right-aligned. */
export function govukTableOf(table: DataTable) {
  const textColumns = table.textColumns ?? 1;
  return {
    caption: table.caption,
    captionClasses: 'govuk-table__caption--s',
    firstCellIsHeader: true,
    head: table.head.map((text, index) => (index < textColumns ? { text } : { text, format: 'numeric' })),
    rows: table.rows.map((row) =>
      row.map((cell, index) => {
        const format = index < textColumns ? undefined : 'numeric';
        return cell.href
          ? {
              html: `<a class="govuk-link" href="${escapeHtml(cell.href)}">${escapeHtml(cell.text)}</a>`,
              format,
            }
          : { text: cell.text, format };
      }),
    ),
  };
}

/** The period in words and the CSV link's query. */
export function periodText(period: Dashboard['period']): string {
  return `${govukDate(period.from)} to ${govukDate(period.to)}`;
}

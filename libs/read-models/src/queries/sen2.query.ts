import { Injectable } from '@nestjs/common';
import {
  NO_SEN2_COUNTS,
  SEN2_DAYS,
  sen2FiguresOf,
  type Sen2ByTeam,
  type Sen2Counts,
  type Sen2Figures,
} from '@ehcp/domain';
import { DataSource } from 'typeorm';

export interface Sen2Filter {
  /** Inclusive period: each measure counts the facts dated in it (DOMAIN.md). */
  readonly from: string;
  readonly to: string;
  readonly teams: readonly string[] | null;
}

/** How one query groups its facts: one total, per calendar month, or per team plus the total. */
type Grouping = 'none' | 'month' | 'team' | 'team-month';

/** One aggregate row: counts by the names the SQL gives them (bigint sums arrive as text). */
interface CountsRow {
  readonly month?: string;
  readonly team?: string | null;
  readonly plans: number;
  readonly plans_within: number;
  readonly plans_gt20_ltyear: number;
  readonly plans_gt_1_year: number;
  readonly plans_days: string;
  readonly plans_ex: number;
  readonly plans_ex_within: number;
  readonly plans_ex_gt20_ltyear: number;
  readonly plans_ex_gt_1_year: number;
  readonly plans_ex_days: string;
  readonly plans_excluded_appeal: number;
  readonly requests_decided: number;
  readonly requests_within: number;
  readonly requests_refused: number;
  readonly reviews_due: number;
  readonly reviews_on_time: number;
  readonly review_decisions: number;
  readonly review_decisions_within: number;
  readonly transfers_due: number;
  readonly transfers_met: number;
  readonly plans_with_views: number;
  readonly reviews_held: number;
  readonly reviews_held_with_views: number;
}

/**
 * DfE SEN2 measures (DOMAIN.md "Timeliness statistics") aggregated in SQL in one statement: each
 * measure's facts dated in the period (new plans by issue date and requests by decision date from
 * case_summary; reviews and transfers by due date, review decisions by the day they were made, from
 * case_deadline; (2nd ed.) reviews held by the day met, and new plans and reviews held with the
 * child's views from case_views), then counted. The counts become figures through the domain's `sen2FiguresOf`, and
 * the tests hold them equal to the domain's `sen2Of` over the same cases.
 */
@Injectable()
export class Sen2Query {
  constructor(private readonly db: DataSource) {}

  async figures(filter: Sen2Filter): Promise<Sen2Figures> {
    const [row] = await this.counts(filter, 'none');
    return sen2FiguresOf(countsOf(row));
  }

  /** One entry per calendar month of [from, to] (months without facts included), clipped to it. */
  async monthly(filter: Sen2Filter): Promise<(Sen2Figures & { month: string })[]> {
    const rows = new Map((await this.counts(filter, 'month')).map((row) => [row.month!, row]));
    return monthsOf(filter.from, filter.to).map((month) => ({
      month,
      ...sen2FiguresOf(countsOf(rows.get(month))),
    }));
  }

  /**
   * Each of `teams` (zeros included) or, with `teams` null, each team with a fact in the period, in
   * code order, and their total: one statement, grouped by team with a grand total.
   */
  async byTeam(filter: Sen2Filter): Promise<Sen2ByTeam> {
    const rows = await this.counts(filter, 'team');
    const total = rows.find((row) => row.team === null);
    const perTeam = new Map(rows.filter((row) => row.team !== null).map((row) => [row.team!, row]));
    const codes = [...new Set(filter.teams ?? perTeam.keys())].sort();
    return {
      teams: codes.map((team) => ({ team, ...sen2FiguresOf(countsOf(perTeam.get(team))) })),
      total: sen2FiguresOf(countsOf(total)),
    };
  }

  /**
   * `monthly` for each of `teams` (or, with null, each team with a fact in the period) and for their
   * total, in one statement (grouping sets): the same numbers as `monthly` team by team.
   */
  async monthlyByTeam(filter: Sen2Filter): Promise<{
    teams: { team: string; months: (Sen2Figures & { month: string })[] }[];
    total: (Sen2Figures & { month: string })[];
  }> {
    const rows = await this.counts(filter, 'team-month');
    const key = (team: string | null | undefined, month: string) => `${team ?? ''}|${month}`;
    const byKey = new Map(rows.map((row) => [key(row.team, row.month!), row]));
    const months = monthsOf(filter.from, filter.to);
    const series = (team: string | null) =>
      months.map((month) => ({ month, ...sen2FiguresOf(countsOf(byKey.get(key(team, month)))) }));
    const codes = [
      ...new Set(filter.teams ?? rows.flatMap((row) => (row.team == null ? [] : [row.team]))),
    ].sort();
    return { teams: codes.map((team) => ({ team, months: series(team) })), total: series(null) };
  }

  private counts(filter: Sen2Filter, grouping: Grouping): Promise<CountsRow[]> {
    const params: unknown[] = [filter.from, filter.to];
    if (filter.teams !== null) params.push(filter.teams);
    const team = filter.teams === null ? '' : 'and team = any($3::text[])';
    const { within20Weeks, withinAYear, requestDecision, reviewDecision } = SEN2_DAYS;
    // Counts over `tallies`: each of its rows stands for `n` facts.
    const count = (condition: string) => `coalesce(sum(n) filter (where ${condition}), 0)::int`;
    const plan = (ex: boolean, condition: string) =>
      count(`fact = 'plan' and not disputed ${ex ? 'and not exception' : ''} ${condition}`);
    return this.db.query<CountsRow[]>(
      `with facts as (
         select team, first_final_plan_issued_on as on_date, 'plan' as fact,
                first_final_plan_issued_on - request_received_on as days,
                final_plan_exception_applies as exception, appeal_or_mediation_before_plan as disputed,
                false as flag
           from case_summary
          where first_final_plan_issued_on between $1 and $2 and opened_by_request ${team}
         union all
         select team, assessment_decided_on, 'request', assessment_decided_on - request_received_on,
                false, false, assessment_refused
           from case_summary
          where assessment_decided_on between $1 and $2 ${team}
         union all
         -- due unless cancelled by its due date (the plan ceased or the case closed first)
         select team, due_on, case kind when 'annual_review' then 'review_due' else 'transfer_due' end, 0,
                false, false, coalesce(met_on <= due_on, false)
           from case_deadline
          where kind in ('annual_review', 'phase_transfer') and due_on between $1 and $2
            and (cancelled_on is null or cancelled_on > due_on) ${team}
         union all
         select team, met_on, 'review_decision', met_on - starts_on, false, false, false
           from case_deadline
          where kind = 'review_decision' and met_on between $1 and $2 ${team}
       ),
       -- (2nd ed.) Reviews held, and new plans and reviews held with the child's views (CFA s19),
       -- each by the day it counts on, read from covering indexes; the views records that count were
       -- marked by the case_views projection (the first gathered in time for each plan or review).
       -- Counted apart, by day first: nothing else is asked of them, and hashing a day is cheaper
       -- than working out the month and the bands of every row.
       views_facts as (
         select team, met_on as on_date, 'review_held' as fact
           from case_deadline
          where kind = 'annual_review' and met_on between $1 and $2 ${team}
         union all
         select team, plan_counted_on, 'plan_with_views'
           from case_views
          where plan_counted_on between $1 and $2 ${team}
         union all
         select team, review_counted_on, 'review_held_with_views'
           from case_views
          where review_counted_on between $1 and $2 ${team}
       ),
       -- The facts tallied by everything the counts below ask of them (the day as its month's first):
       -- a few thousand rows to count with two dozen filters instead of every fact (600,000 cases).
       tallies as (
         select team, on_date - extract(day from on_date)::int + 1 as on_date, fact, exception, disputed, flag,
                days <= ${within20Weeks} as within_20_weeks, days <= ${withinAYear} as within_a_year,
                days <= ${requestDecision} as within_request_decision,
                days <= ${reviewDecision} as within_review_decision,
                count(*) as n, sum(days) as days
           from facts
          -- team last: with team first the planner sorts every fact to feed the per-team totals, not hashes
          group by 2, 3, 4, 5, 6, 7, 8, 9, 10, 1
         union all
         select team, on_date - extract(day from on_date)::int + 1, fact, false, false, false,
                false, false, false, false, sum(n), 0
           from (select team, on_date, fact, count(*) as n from views_facts group by 1, 2, 3) by_day
          group by 2, 3, 1
       )
       select ${groupKey(grouping)}
              ${plan(false, '')} as plans,
              ${plan(false, 'and within_20_weeks')} as plans_within,
              ${plan(false, 'and not within_20_weeks and within_a_year')} as plans_gt20_ltyear,
              ${plan(false, 'and not within_a_year')} as plans_gt_1_year,
              coalesce(sum(days) filter (where fact = 'plan' and not disputed), 0)::text as plans_days,
              ${plan(true, '')} as plans_ex,
              ${plan(true, 'and within_20_weeks')} as plans_ex_within,
              ${plan(true, 'and not within_20_weeks and within_a_year')} as plans_ex_gt20_ltyear,
              ${plan(true, 'and not within_a_year')} as plans_ex_gt_1_year,
              coalesce(sum(days) filter (where fact = 'plan' and not disputed and not exception), 0)::text
                as plans_ex_days,
              ${count(`fact = 'plan' and disputed`)} as plans_excluded_appeal,
              ${count(`fact = 'request'`)} as requests_decided,
              ${count(`fact = 'request' and within_request_decision`)} as requests_within,
              ${count(`fact = 'request' and flag`)} as requests_refused,
              ${count(`fact = 'review_due'`)} as reviews_due,
              ${count(`fact = 'review_due' and flag`)} as reviews_on_time,
              ${count(`fact = 'review_decision'`)} as review_decisions,
              ${count(`fact = 'review_decision' and within_review_decision`)}
                as review_decisions_within,
              ${count(`fact = 'transfer_due'`)} as transfers_due,
              ${count(`fact = 'transfer_due' and flag`)} as transfers_met,
              ${count(`fact = 'plan_with_views'`)} as plans_with_views,
              ${count(`fact = 'review_held'`)} as reviews_held,
              ${count(`fact = 'review_held_with_views'`)} as reviews_held_with_views
         from tallies
        ${groupBy(grouping)}`,
      params,
    );
  }
}

function groupKey(grouping: Grouping): string {
  switch (grouping) {
    case 'none':
      return '';
    case 'month':
      return `to_char(on_date, 'YYYY-MM') as month,`;
    case 'team':
      // The grand total's row has no team.
      return 'case when grouping(team) = 1 then null else team end as team,';
    case 'team-month':
      return `case when grouping(team) = 1 then null else team end as team, to_char(on_date, 'YYYY-MM') as month,`;
  }
}

function groupBy(grouping: Grouping): string {
  switch (grouping) {
    case 'none':
      return '';
    case 'month':
      return 'group by 1';
    case 'team':
      return 'group by grouping sets ((team), ())';
    case 'team-month':
      return `group by grouping sets ((team, to_char(on_date, 'YYYY-MM')), (to_char(on_date, 'YYYY-MM')))`;
  }
}

function countsOf(row: CountsRow | undefined): Sen2Counts {
  if (row === undefined) return NO_SEN2_COUNTS;
  return {
    plans: {
      issued: row.plans,
      within20Weeks: row.plans_within,
      gt20WeeksLtYear: row.plans_gt20_ltyear,
      gt1Year: row.plans_gt_1_year,
      days: Number(row.plans_days),
    },
    plansEx: {
      issued: row.plans_ex,
      within20Weeks: row.plans_ex_within,
      gt20WeeksLtYear: row.plans_ex_gt20_ltyear,
      gt1Year: row.plans_ex_gt_1_year,
      days: Number(row.plans_ex_days),
    },
    plansExcludedAppeal: row.plans_excluded_appeal,
    requestsDecided: row.requests_decided,
    requestsDecidedWithin6Weeks: row.requests_within,
    requestsRefused: row.requests_refused,
    reviewsDue: row.reviews_due,
    reviewsCompletedOnTime: row.reviews_on_time,
    reviewDecisions: row.review_decisions,
    reviewDecisionsWithin4Weeks: row.review_decisions_within,
    phaseTransfersDue: row.transfers_due,
    phaseTransfersMet: row.transfers_met,
    plansWithViews: row.plans_with_views,
    reviewsHeld: row.reviews_held,
    reviewsHeldWithViews: row.reviews_held_with_views,
  };
}

/** 'YYYY-MM' of every month from `from` to `to`. */
function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number);
  const last = to.slice(0, 7);
  for (;;) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    if (current > last) return months;
    months.push(current);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}

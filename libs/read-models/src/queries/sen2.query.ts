import { Injectable } from '@nestjs/common';
import { FINAL_PLAN_WEEKS, type Sen2Figures } from '@ehcp/domain';
import { DataSource } from 'typeorm';
import { oneDecimal, percentage } from './one-decimal';
import { SqlFilter } from './sql-filter';

/** DfE: "within 20 weeks" is R + 140 days, whatever DEADLINE_COUNTING says (as the domain's sen2Of). */
const WITHIN_20_WEEKS_DAYS = 7 * FINAL_PLAN_WEEKS;
/** DfE band "over 20 weeks, within a year": up to R + 364 (52 weeks). */
const WITHIN_A_YEAR_DAYS = 7 * 52;

export interface Sen2Filter {
  /** Inclusive period of issue dates of the first final plan. */
  readonly from: string;
  readonly to: string;
  readonly teams: readonly string[] | null;
}

interface Counts {
  month?: string;
  den: number;
  within: number;
  den_ex: number;
  within_ex: number;
  gt20_ltyear: number;
  gt_1_year: number;
  days: string;
  days_ex: string;
}

/**
 * DfE SEN2 timeliness of new plans (each case's first final plan) by issue date, aggregated in SQL
 * over case_summary's covering indexes; the figures are the domain's sen2Of, which the tests hold
 * them equal to.
 */
@Injectable()
export class Sen2Query {
  constructor(private readonly db: DataSource) {}

  async figures(filter: Sen2Filter): Promise<Sen2Figures> {
    const [counts] = await this.counts(filter, false);
    return figuresOf(counts);
  }

  /** One entry per calendar month of [from, to] (months without plans included), clipped to it. */
  async monthly(filter: Sen2Filter): Promise<(Sen2Figures & { month: string })[]> {
    const counts = new Map((await this.counts(filter, true)).map((row) => [row.month!, row]));
    return monthsOf(filter.from, filter.to).map((month) => ({ month, ...figuresOf(counts.get(month)) }));
  }

  private counts(filter: Sen2Filter, byMonth: boolean): Promise<Counts[]> {
    const where = new SqlFilter();
    where.and(`first_final_plan_issued_on between ${where.param(filter.from)} and ${where.param(filter.to)}`);
    where.teams('team', filter.teams);
    const within = `days <= ${WITHIN_20_WEEKS_DAYS}`;
    return this.db.query<Counts[]>(
      `select ${byMonth ? `to_char(issued_on, 'YYYY-MM') as month,` : ''}
              count(*)::int as den,
              count(*) filter (where ${within})::int as within,
              count(*) filter (where not exception)::int as den_ex,
              count(*) filter (where not exception and ${within})::int as within_ex,
              count(*) filter (where days > ${WITHIN_20_WEEKS_DAYS} and days <= ${WITHIN_A_YEAR_DAYS})::int as gt20_ltyear,
              count(*) filter (where days > ${WITHIN_A_YEAR_DAYS})::int as gt_1_year,
              coalesce(sum(days), 0)::text as days,
              coalesce(sum(days) filter (where not exception), 0)::text as days_ex
         from (select first_final_plan_issued_on as issued_on,
                      first_final_plan_issued_on - request_received_on as days,
                      final_plan_exception_applies as exception
                 from case_summary ${where}) plans
        ${byMonth ? 'group by 1' : ''}`,
      where.params,
    );
  }
}

const NO_PLANS: Counts = {
  den: 0,
  within: 0,
  den_ex: 0,
  within_ex: 0,
  gt20_ltyear: 0,
  gt_1_year: 0,
  days: '0',
  days_ex: '0',
};

function figuresOf(counts: Counts = NO_PLANS): Sen2Figures {
  return {
    plans_issued_den: counts.den,
    plans_issued_within_20_weeks: counts.within,
    pc_plans_issued_within_20_weeks: percentage(counts.within, counts.den),
    plans_issued_den_ex: counts.den_ex,
    plans_issued_20_weeks_ex: counts.within_ex,
    pc_plans_issued_20_weeks_ex: percentage(counts.within_ex, counts.den_ex),
    plans_issued_gt20weeks_ltyear: counts.gt20_ltyear,
    plans_issued_gt_1_year: counts.gt_1_year,
    // Mean weeks = total days / (7 * plans), rounded once, as sen2Of does.
    avg_weeks_issue_plan: oneDecimal(Number(counts.days), 7 * counts.den),
    avg_weeks_issue_plan_exc: oneDecimal(Number(counts.days_ex), 7 * counts.den_ex),
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

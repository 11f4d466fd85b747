import { Injectable } from '@nestjs/common';
import { QA_GRADES, QA_SECTIONS, type QaSection, type QaSummary } from '@ehcp/domain';
import { DataSource } from 'typeorm';
import { columnOf } from '../projections/projected-table';
import { oneDecimal, percentage } from './one-decimal';
import { SqlFilter } from './sql-filter';

export interface QaSummaryFilter {
  /** Inclusive period of audit dates (and of new plans' issue dates, for coverage). */
  readonly from: string;
  readonly to: string;
  readonly teams: readonly string[] | null;
}

const scoreColumn = (section: QaSection) => columnOf(`score${section}`);

/**
 * Managers' QA figures (API.md GET /qa/summary) for the audits dated in the period, aggregated in
 * SQL; the figures are the domain's qaSummaryOf (tests hold them equal). Coverage: of the new final
 * plans issued in the period, the share with at least one of those audits.
 */
@Injectable()
export class QaSummaryQuery {
  constructor(private readonly db: DataSource) {}

  async summary(filter: QaSummaryFilter): Promise<QaSummary> {
    const audits = new SqlFilter();
    audits.and(`audited_on between ${audits.param(filter.from)} and ${audits.param(filter.to)}`);
    audits.teams('team', filter.teams);
    const [totals] = await this.db.query<Record<string, number>[]>(
      `select count(*)::int as audits,
              ${QA_GRADES.map((grade) => `count(*) filter (where overall_grade = '${grade}')::int as ${grade}`).join(',')},
              ${QA_SECTIONS.map((section) => {
                const column = scoreColumn(section);
                return `coalesce(sum(${column}), 0)::int as ${column}_sum, count(${column})::int as ${column}_graded,
                        count(*) filter (where ${column} = 1)::int as ${column}_inadequate`;
              }).join(',')}
         from qa_audit ${audits}`,
      audits.params,
    );

    const plans = new SqlFilter();
    const [from, to] = [plans.param(filter.from), plans.param(filter.to)];
    const ofTeams = filter.teams === null ? 'true' : `s.team = any(${plans.param(filter.teams)}::text[])`;
    // Plans counted from timeliness_tally (its `final_plan` facts by day); the audited ones found
    // from the period's audits (few) by the case's key. case_id is case_summary's key, so
    // count(distinct) counts each audited plan once.
    const [coverage] = await this.db.query<{ plans: number; audited: number }[]>(
      `select (select coalesce(sum(n), 0) from timeliness_tally s
                where s.fact = 'final_plan' and s.on_date between ${from} and ${to} and ${ofTeams})::int as plans,
              (select count(distinct s.case_id)
                 from qa_audit a join case_summary s on s.case_id = a.case_id
                where s.first_final_plan_issued_on between ${from} and ${to} and ${ofTeams}
                  and a.audited_on between ${from} and ${to})::int as audited`,
      plans.params,
    );

    return {
      audits: totals.audits,
      goodOrBetterPct: percentage(totals.outstanding + totals.good, totals.audits),
      grades: Object.fromEntries(QA_GRADES.map((grade) => [grade, totals[grade]])) as QaSummary['grades'],
      sections: Object.fromEntries(
        QA_SECTIONS.map((section) => {
          const column = scoreColumn(section);
          const summary = {
            averageScore: oneDecimal(totals[`${column}_sum`], totals[`${column}_graded`]),
            inadequate: totals[`${column}_inadequate`],
          };
          return [section, summary];
        }),
      ) as QaSummary['sections'],
      coveragePct: percentage(coverage.audited, coverage.plans),
    };
  }
}

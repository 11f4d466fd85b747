import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  deadlineCountsOf,
  stagesOf,
  type AdviceRow,
  type DeadlineCountRow,
  type DeadlineCounts,
  type Stages,
  stageMediansOf,
  stageDaysOf,
  type PlansByDaysRow,
  type TeamStages,
} from './dashboard.aggregate';
import { isOpenOnSql } from './deadline-status.sql';
import { SqlFilter } from './sql-filter';

export interface DashboardFilter {
  /** Inclusive period. */
  readonly from: string;
  readonly to: string;
  readonly teams: readonly string[] | null;
}

const TEAM_OR_TOTAL = (column: string) => `case when grouping(${column}) = 1 then null else ${column} end`;

/**
 * The manager's dashboard figures that no other query gives (API.md GET /timeliness/dashboard):
 * "where the weeks go" and the open deadlines due soon or overdue by kind and team. Each is one
 * statement over an index (new plans by issue date, open deadlines by due date) or over
 * timeliness_tally (advice due); the shaping is dashboard.aggregate's.
 */
@Injectable()
export class DashboardQuery {
  constructor(private readonly db: DataSource) {}

  /**
   * For the new plans issued in the period (as SEN2's plans_issued_den: opened by a request, no
   * appeal or mediation on the path), the median days from the request to the decision to assess,
   * to the draft and to the final plan; and the advice requests due in the
   * period (unless cancelled by their due date), met on time, by source (the rows' advice_source).
   */
  async stages(filter: DashboardFilter): Promise<{ teams: TeamStages[]; total: Stages }> {
    const plans = new SqlFilter();
    plans.and(
      `s.first_final_plan_issued_on between ${plans.param(filter.from)} and ${plans.param(filter.to)}`,
    );
    plans.and('s.opened_by_request and not s.appeal_or_mediation_before_plan');
    plans.teams('s.team', filter.teams);
    // Plans counted by team, stage and whole days: a few thousand rows, whose medians
    // (stageMediansOf) equal percentile_cont's over every plan without sorting every plan. Hashed
    // in one pass with the statistics of stage-days-statistics.migration.ts.
    const days = await this.db.query<PlansByDaysRow[]>(
      // Each row counts one grouping set: the other two stages' columns are null in it.
      `select s.team, s.assessment_decided_on - s.request_received_on as to_decision,
              s.draft_issued_on - s.request_received_on as to_draft,
              s.first_final_plan_issued_on - s.request_received_on as to_final, count(*)::int as plans
         from case_summary s
         ${plans}
        group by grouping sets ((s.team, 2), (s.team, 3), (s.team, 4))`,
      plans.params,
    );

    // Advice due in the period (unless cancelled by its due date), as timeliness_tally counts it by
    // team, day and source (timeliness-tally.migration.ts).
    const advice = new SqlFilter();
    advice.and(`fact = 'advice_due'`);
    advice.and(`on_date between ${advice.param(filter.from)} and ${advice.param(filter.to)}`);
    advice.teams('team', filter.teams);
    const adviceRows = await this.db.query<AdviceRow[]>(
      `select ${TEAM_OR_TOTAL('team')} as team, source, sum(n)::int as due,
              coalesce(sum(n) filter (where flag), 0)::int as on_time
         from timeliness_tally
         ${advice}
        group by grouping sets ((team, source), (source))`,
      advice.params,
    );
    return stagesOf(filter.teams, stageMediansOf(stageDaysOf(days)), adviceRows);
  }

  /**
   * Open deadlines (isOpenOn asOf) overdue on asOf or due within `warnDays` of it, by kind and team:
   * the counts GET /deadlines?status=overdue|due_soon&kind= lists.
   */
  async dueSoonAndOverdue(filter: {
    readonly teams: readonly string[] | null;
    readonly asOf: string;
    readonly warnDays: number;
  }): Promise<DeadlineCounts[]> {
    // From timeliness_tally's open deadlines by due date and kind, and, for the few a pending
    // cessation cancels on a day of its own, from their rows (isOpenOn asOf decides those).
    const params = new SqlFilter();
    const asOf = params.param(filter.asOf);
    const until = `${asOf}::date + ${params.param(filter.warnDays)}::integer`;
    const ofTeams = filter.teams === null ? 'true' : `team = any(${params.param(filter.teams)}::text[])`;
    const rows = await this.db.query<DeadlineCountRow[]>(
      `select kind, team, sum(due_soon)::int as due_soon, sum(overdue)::int as overdue
         from (select source as kind, team, coalesce(sum(n) filter (where on_date >= ${asOf}::date), 0) as due_soon,
                      coalesce(sum(n) filter (where on_date < ${asOf}::date), 0) as overdue
                 from timeliness_tally
                where fact = 'open' and on_date <= ${until} and ${ofTeams}
                group by 1, 2
               union all
               select kind, team, count(*) filter (where due_on >= ${asOf}::date),
                      count(*) filter (where due_on < ${asOf}::date)
                 from case_deadline
                where ${isOpenOnSql(undefined, asOf)} and cancels_on is not null and due_on <= ${until} and ${ofTeams}
                group by 1, 2) counted
        group by kind, team
       having sum(due_soon) + sum(overdue) > 0`,
      params.params,
    );
    return deadlineCountsOf(rows);
  }
}

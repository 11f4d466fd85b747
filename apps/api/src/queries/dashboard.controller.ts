import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@ehcp/auth';
import { ENGLAND_20_WEEK_RATES, ENGLAND_REFERENCE_SOURCE } from '@ehcp/domain';
import { DashboardQuery, monthlyRateOf, QaSummaryQuery, Sen2Query, seriesStartOf } from '@ehcp/read-models';
import { ApiProblemResponse } from '../problem-details/problem-document';
import { DashboardDto } from './dashboard.dto';
import { DashboardQueryParams } from './query-params';
import { QueryContext } from './query-context';

/** The manager's timeliness dashboard in one call (the web page may make at most three). */
@ApiTags('timeliness and quality')
@ApiBearerAuth('bearer')
@ApiProblemResponse(
  400,
  'A bad date, a reversed or over-long period, or a team that TEAMS does not list (VALIDATION_FAILED)',
)
@ApiProblemResponse(401, 'Missing, invalid or expired bearer token')
@ApiProblemResponse(403, "A team is not one of the user's teams, or the token names no team (FORBIDDEN_TEAM)")
@ApiProblemResponse(503, 'minPosition not reached within 5 s (READ_MODELS_BEHIND, with Retry-After)')
@Controller()
export class DashboardController {
  constructor(
    private readonly context: QueryContext,
    private readonly sen2: Sen2Query,
    private readonly qa: QaSummaryQuery,
    private readonly dashboard: DashboardQuery,
  ) {}

  @Get('timeliness/dashboard')
  @ApiOperation({
    summary: "The manager's dashboard: 20-week rate by month, SEN2 by team, England, stages, deadlines, QA",
    description:
      "Any role, limited to the user's teams (admin: all). For the period [from, to] (default: the twelve months ending today) and the chosen teams: the 20-week rate of each of the 24 months ending with `to`'s month per team and in total (as GET /timeliness/monthly), GET /timeliness/sen2?by=team, England's published rates, median days from request to decision, draft and final plan and advice on time by source, open deadlines due soon or overdue on `asOf` by kind and team, and GET /qa/summary.",
  })
  @ApiOkResponse({ type: DashboardDto })
  async get(
    @Query() query: DashboardQueryParams,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DashboardDto> {
    const teams = this.context.teamsOf(user, query.team);
    const period = this.context.period(query.from, query.to);
    const asOf = query.asOf ?? this.context.today();
    await this.context.consistentWith(query.minPosition);
    const series = { from: seriesStartOf(period.to), to: period.to, teams };
    const [monthly, sen2, stages, deadlines, qa] = await Promise.all([
      this.sen2.monthlyByTeam(series),
      this.sen2.byTeam({ ...period, teams }),
      this.dashboard.stages({ ...period, teams }),
      this.dashboard.dueSoonAndOverdue({ teams, asOf, warnDays: this.context.warnDays }),
      this.qa.summary({ ...period, teams }),
    ]);
    return {
      period: { ...period, asOf, teams: teams === null ? null : [...teams] },
      monthly: {
        from: series.from,
        teams: monthly.teams.map(({ team, months }) => ({ team, months: months.map(monthlyRateOf) })),
        total: monthly.total.map(monthlyRateOf),
      },
      sen2,
      england: { source: ENGLAND_REFERENCE_SOURCE, rates: [...ENGLAND_20_WEEK_RATES] },
      stages,
      deadlines,
      qa,
    };
  }
}

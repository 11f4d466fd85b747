import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@ehcp/auth';
import { DeadlinesQuery, deadlineViewOf } from '@ehcp/read-models';
import { ApiProblemResponse, ProblemDocument } from '../problem-details/problem-document';
import { DeadlinePageDto } from './deadline.dto';
import { DeadlinesQueryDto } from './query-dtos';
import { QueryContext } from './query-context';

/** Deadlines across cases: what is overdue or due soon, for managers. */
@ApiTags('deadlines')
@ApiBearerAuth('bearer')
@ApiExtraModels(ProblemDocument)
@Controller('deadlines')
export class DeadlinesController {
  constructor(
    private readonly context: QueryContext,
    private readonly deadlines: DeadlinesQuery,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Deadlines by status on a date, earliest due first',
    description:
      "Statuses as DOMAIN.md defines them on `asOf` (default today, Europe/London); due soon = 0 to the largest ALERT_WARN_DAYS days left. Any role, limited to the user's teams (admin: all).",
  })
  @ApiOkResponse({ type: DeadlinePageDto })
  @ApiProblemResponse(
    400,
    'A bad filter, date or page, or a team that TEAMS does not list (VALIDATION_FAILED)',
  )
  @ApiProblemResponse(401, 'Missing, invalid or expired bearer token')
  @ApiProblemResponse(403, "team is not one of the user's teams, or the token names no team (FORBIDDEN_TEAM)")
  @ApiProblemResponse(503, 'minPosition not reached within 5 s (READ_MODELS_BEHIND, with Retry-After)')
  async list(
    @Query() query: DeadlinesQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DeadlinePageDto> {
    const teams = this.context.teams(user, query.team);
    await this.context.consistentWith(query.minPosition);
    const asOf = query.asOf ?? this.context.today();
    const { warnDays } = this.context;
    const { items, total } = await this.deadlines.list({ ...query, teams, asOf, warnDays });
    return {
      items: items.map((row) => ({
        ...deadlineViewOf(row, asOf, warnDays),
        caseId: row.caseId,
        team: row.team,
      })),
      total,
    };
  }
}

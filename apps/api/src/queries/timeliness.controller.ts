import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@ehcp/auth';
import { QaSummaryQuery, Sen2Query } from '@ehcp/read-models';
import { ApiProblemResponse, ProblemDocument } from '../problem-details/problem-document';
import { PeriodQuery, Sen2PeriodQuery } from './query-params';
import { QueryContext } from './query-context';
import {
  MonthlySen2Dto,
  QaSectionSummaryDto,
  QaSummaryDto,
  Sen2ByTeamDto,
  Sen2FiguresDto,
} from './timeliness.dto';

/** Managers' figures: DfE SEN2 20-week timeliness and QA audit results, by period and team. */
@ApiTags('timeliness and quality')
@ApiBearerAuth('bearer')
@ApiExtraModels(ProblemDocument, QaSectionSummaryDto, Sen2FiguresDto, Sen2ByTeamDto)
@ApiProblemResponse(
  400,
  'A bad date, a reversed or over-long period, or a team that TEAMS does not list (VALIDATION_FAILED)',
)
@ApiProblemResponse(401, 'Missing, invalid or expired bearer token')
@ApiProblemResponse(403, "team is not one of the user's teams, or the token names no team (FORBIDDEN_TEAM)")
@ApiProblemResponse(503, 'minPosition not reached within 5 s (READ_MODELS_BEHIND, with Retry-After)')
@Controller()
export class TimelinessController {
  constructor(
    private readonly context: QueryContext,
    private readonly sen2: Sen2Query,
    private readonly qa: QaSummaryQuery,
  ) {}

  @Get('timeliness/sen2')
  @ApiOperation({
    summary: 'SEN2 timeliness and the request, review and phase-transfer measures of [from, to]',
    description:
      "DfE definitions (DOMAIN.md). Any role, limited to the user's teams (admin: all). With `by=team`, one entry per team (the user's teams; admin: every team with a fact in the period) and their total, in one answer.",
  })
  @ApiOkResponse({
    description: 'The figures, or with `by=team` the figures per team and their total',
    schema: { oneOf: [{ $ref: getSchemaPath(Sen2FiguresDto) }, { $ref: getSchemaPath(Sen2ByTeamDto) }] },
  })
  async figures(
    @Query() query: Sen2PeriodQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<Sen2FiguresDto | Sen2ByTeamDto> {
    const teams = this.context.teams(user, query.team);
    const period = this.context.period(query.from, query.to);
    await this.context.consistentWith(query.minPosition);
    if (query.by === 'team') return this.sen2.byTeam({ ...period, teams });
    return this.sen2.figures({ ...period, teams });
  }

  @Get('timeliness/monthly')
  @ApiOperation({
    summary: 'SEN2 timeliness per calendar month of [from, to]',
    description:
      'Every month of the period, months without facts included; the first and last are clipped to it. Each measure counts its facts dated in the month.',
  })
  @ApiOkResponse({ type: [MonthlySen2Dto] })
  async monthly(
    @Query() query: PeriodQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<MonthlySen2Dto[]> {
    const teams = this.context.teams(user, query.team);
    const period = this.context.period(query.from, query.to);
    await this.context.consistentWith(query.minPosition);
    return this.sen2.monthly({ ...period, teams });
  }

  @Get('qa/summary')
  @ApiOperation({
    summary: 'QA audit results for audits dated in [from, to]',
    description:
      'Good-or-better share, grade distribution, per-section average scores and inadequate counts, and coverage of the new final plans issued in the period.',
  })
  @ApiOkResponse({ type: QaSummaryDto })
  async qaSummary(
    @Query() query: PeriodQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<QaSummaryDto> {
    const teams = this.context.teams(user, query.team);
    const period = this.context.period(query.from, query.to);
    await this.context.consistentWith(query.minPosition);
    return this.qa.summary({ ...period, teams });
  }
}

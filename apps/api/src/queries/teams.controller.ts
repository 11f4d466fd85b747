import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, teamSettingsVisibleTo, type AuthenticatedUser } from '@ehcp/auth';
import { APP_CONFIG, type AppConfig } from '@ehcp/config';
import { ApiProblemResponse, ProblemDocument } from '../problem-details/problem-document';
import { TeamDto } from './team.dto';

/** The caller's teams with their display names, for pickers and headings (TEAMS). */
@ApiTags('teams')
@ApiBearerAuth('bearer')
@ApiExtraModels(ProblemDocument)
@Controller('teams')
export class TeamsController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @ApiOperation({
    summary: "The caller's teams, with their display names",
    description:
      "In TEAMS order: the configured teams the token names (admin: all of them). With TEAMS unset (development only), the token's own team codes, each named by its code. Any role.",
  })
  @ApiOkResponse({ type: [TeamDto] })
  @ApiProblemResponse(401, 'Missing, invalid or expired bearer token')
  @ApiProblemResponse(403, 'The token names no team (FORBIDDEN_TEAM)')
  list(@CurrentUser() user: AuthenticatedUser): TeamDto[] {
    return teamSettingsVisibleTo(user, this.config.TEAMS);
  }
}

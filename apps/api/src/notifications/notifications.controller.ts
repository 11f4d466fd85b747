import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotificationsQuery } from '@ehcp/alerts';
import { CurrentUser, assertTeamAccess, teamsVisibleTo, type AuthenticatedUser } from '@ehcp/auth';
import { APP_CONFIG, Clock, type AppConfig } from '@ehcp/config';
import { ApiProblemResponse } from '../problem-details/problem-document';
import { DeadlineDto } from '../queries/deadline.dto';
import { ListNotificationsQueryDto, NotificationPageDto } from './notification.dto';

/** The in-app list of deadline alerts the notifier raised. */
@ApiTags('notifications')
@ApiBearerAuth('bearer')
// A notification's deadline is "a DeadlineDto or null" (ApiNullableRefProperty).
@ApiExtraModels(DeadlineDto)
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsQuery,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Deadline warnings and breach notifications, newest first, with their deliveries',
    description:
      "Each with the deadline as it stands now (met, cancelled, moved or still open). Any role, limited to the user's teams (admin: all).",
  })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiProblemResponse(400, 'A bad filter or page (VALIDATION_FAILED)')
  @ApiProblemResponse(401, 'Missing, invalid or expired bearer token')
  @ApiProblemResponse(403, 'caseId is a case of another team, or the token names no team (FORBIDDEN_TEAM)')
  async list(
    @Query() query: ListNotificationsQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<NotificationPageDto> {
    // As the case screen does: another team's case is refused, not shown as a case without alerts.
    if (query.caseId !== undefined) {
      const team = await this.notifications.teamOfCase(query.caseId);
      if (team !== null) assertTeamAccess(user, team);
    }
    return this.notifications.list({
      ...query,
      teams: teamsVisibleTo(user),
      asOf: this.clock.today(),
      // "Due soon" reaches as far as the largest warning offset, as in every other deadline status.
      warnDays: Math.max(...this.config.ALERT_WARN_DAYS),
    });
  }
}

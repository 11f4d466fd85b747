import { Controller, Get, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { assertHasTeams, assertTeamAccess, CurrentUser, type AuthenticatedUser } from '@ehcp/auth';
import type { RecordedEvent } from '@ehcp/event-store';
import { CaseStreamReader } from './case-stream.reader';
import { etagOf } from '../http/etag.header';
import { ApiProblemResponse, ProblemDocument } from '../problem-details/problem-document';
import { CaseIdParam } from '../validation/ids';
import { CaseEventDto } from './case-event.dto';

/** The audit trail, read from the event store itself: complete and current, with who did what. */
@ApiTags('case history')
@ApiBearerAuth('bearer')
@ApiExtraModels(ProblemDocument)
@Controller('cases')
export class CaseEventsController {
  constructor(private readonly reader: CaseStreamReader) {}

  @Get(':caseId/events')
  @ApiOperation({
    summary: "The case's history: every event, who recorded it and when",
    description:
      "Any role, limited to the user's teams (admin: all). Personal data is decrypted, or null once erased.",
  })
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @ApiOkResponse({
    type: [CaseEventDto],
    headers: { ETag: { description: 'The case revision, quoted', schema: { type: 'string' } } },
  })
  @ApiProblemResponse(400, 'caseId is not a UUID (VALIDATION_FAILED)')
  @ApiProblemResponse(401, 'Missing, invalid or expired bearer token')
  @ApiProblemResponse(403, 'The case belongs to another team, or the token names no team (FORBIDDEN_TEAM)')
  @ApiProblemResponse(404, 'No such case (CASE_NOT_FOUND)')
  async events(
    @CaseIdParam() caseId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseEventDto[]> {
    assertHasTeams(user);
    const { state, events } = await this.reader.loadExisting(caseId);
    assertTeamAccess(user, state.team);
    response.setHeader('ETag', etagOf(events.length - 1));
    return events.map(toDto);
  }
}

function toDto(event: RecordedEvent): CaseEventDto {
  const { userId, correlationId, causationId } = event.metadata as Record<string, string | undefined>;
  return {
    revision: Number(event.revision),
    type: event.type,
    recordedAt: event.recordedAt.toISOString(),
    data: event.data,
    metadata: { userId: userId ?? '', correlationId: correlationId ?? '', causationId },
  };
}

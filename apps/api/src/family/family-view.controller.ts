import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '@ehcp/config';
import { ApiProblemResponse, ProblemDocument } from '../problem-details/problem-document';
import { FamilyViewDto, FamilyViewRequestDto } from './family-view.dto';
import { FamilyViewService } from './family-view.service';

/** A family's own view of their child's case, through the private link a caseworker sent them. */
@ApiTags('families')
@ApiExtraModels(ProblemDocument)
@Controller('family')
export class FamilyViewController {
  constructor(private readonly family: FamilyViewService) {}

  @Post('view')
  @Public({ rateLimited: true })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: "The family's view of their case, through their private link",
    description:
      '(2nd ed.) No sign-in: the token is the authority, sent in the body so that it stays out of URLs in ' +
      "access logs. Answers the case's statutory steps (due order, cancelled ones left out), the child's " +
      'first name and views, and records FamilyLinkViewed on the case (by `family-link:<linkId>`). ' +
      'No caseworker, no notes, no other personal data. Rate-limited by client address.',
  })
  @ApiBody({ type: FamilyViewRequestDto })
  @ApiOkResponse({ type: FamilyViewDto })
  @ApiProblemResponse(400, 'The body is not `{ token: string }` (VALIDATION_FAILED, MALFORMED_JSON)')
  @ApiProblemResponse(404, 'No such link (FAMILY_LINK_NOT_FOUND), whatever the token looks like')
  @ApiProblemResponse(
    410,
    'The link was stopped or replaced (FAMILY_LINK_REVOKED), has run out (FAMILY_LINK_EXPIRED), or the ' +
      "child's details were erased (PERSONAL_DATA_ERASED)",
  )
  @ApiProblemResponse(413, 'The body is over 64 kB (PAYLOAD_TOO_LARGE)')
  @ApiProblemResponse(429, 'Rate limit exceeded (RATE_LIMITED); see Retry-After')
  view(@Body() body: FamilyViewRequestDto, @Req() request: Request): Promise<FamilyViewDto> {
    const correlationId = typeof request.id === 'string' && request.id !== '' ? request.id : randomUUID();
    return this.family.view(body.token, correlationId);
  }
}

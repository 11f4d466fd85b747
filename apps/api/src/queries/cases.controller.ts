import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, assertHasTeams, assertTeamAccess, type AuthenticatedUser } from '@ehcp/auth';
import { DomainError } from '@ehcp/domain';
import { APP_CONFIG, type AppConfig } from '@ehcp/config';
import {
  CaseQuery,
  deadlineViewOf,
  searchHasher,
  searchTermsOf,
  shownStageOf,
  WorkTrayQuery,
  type CaseRecord,
  type SearchHasher,
} from '@ehcp/read-models';
import { etagOf } from '../http/etag.header';
import { ApiProblemResponse, ProblemDocument } from '../problem-details/problem-document';
import { CaseIdParam } from '../validation/ids';
import {
  CaseAppealDto,
  CaseAppealOutcomeDto,
  CaseChildDto,
  CaseDto,
  CaseFamilyLinkDto,
  CaseReassessmentDecisionDto,
  CaseReassessmentDto,
  CaseTransferInDto,
  WorkTrayPageDto,
} from './case.dto';
import { DeadlineDto } from './deadline.dto';
import { CaseQueryDto, WorkTrayQueryDto } from './query-dtos';
import { QueryContext } from './query-context';

/** The case screen and the work tray, from the read models. */
@ApiTags('cases')
@ApiBearerAuth('bearer')
// The schemas its DTOs name only as "this or null" (ApiNullableRefProperty).
@ApiExtraModels(
  ProblemDocument,
  CaseChildDto,
  DeadlineDto,
  CaseAppealDto,
  CaseAppealOutcomeDto,
  CaseTransferInDto,
  CaseReassessmentDto,
  CaseReassessmentDecisionDto,
  CaseFamilyLinkDto,
)
@ApiProblemResponse(400, 'A bad parameter, or a team that TEAMS does not list (VALIDATION_FAILED)')
@ApiProblemResponse(401, 'Missing, invalid or expired bearer token')
@ApiProblemResponse(503, 'minPosition not reached within 5 s (READ_MODELS_BEHIND, with Retry-After)')
@Controller('cases')
export class CasesController {
  /** Hashes a search's name words as the projector hashed the children's names (SEARCH_HASH_KEY). */
  private readonly hash: SearchHasher;

  constructor(
    private readonly context: QueryContext,
    private readonly cases: CaseQuery,
    private readonly tray: WorkTrayQuery,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.hash = searchHasher(config.SEARCH_HASH_KEY);
  }

  @Get()
  @ApiOperation({
    summary: 'Work tray and search: cases most urgent first',
    description:
      "Ordered by the due date of each case's next open deadline (overdue ones first), cases with nothing open last; its status as of `asOf` (default today, Europe/London). With `q`, only the cases it finds by reference, child's date of birth or name, each with its `child`. Any role, limited to the user's teams (admin: all).",
  })
  @ApiOkResponse({ type: WorkTrayPageDto })
  @ApiProblemResponse(403, "team is not one of the user's teams, or the token names no team (FORBIDDEN_TEAM)")
  async list(
    @Query() query: WorkTrayQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<WorkTrayPageDto> {
    const teams = this.context.teams(user, query.team);
    await this.context.consistentWith(query.minPosition);
    const asOf = query.asOf ?? this.context.today();
    const { caseworkerId, stage, page, pageSize } = query;
    const search = query.q === undefined ? undefined : searchTermsOf(query.q, this.hash);
    const { items, total } = await this.tray.list({
      teams,
      caseworkerId,
      stage,
      page,
      pageSize,
      asOf,
      search,
    });
    return {
      items: items.map(({ nextDeadline, ...item }) => ({
        ...item,
        nextDeadline: nextDeadline && deadlineViewOf(nextDeadline, asOf, this.context.warnDays),
      })),
      total,
    };
  }

  @Get(':caseId')
  @ApiOperation({
    summary: 'One case with its deadlines',
    description:
      "Statuses as of `asOf` (default today, Europe/London). `child` is null once the personal data was erased. Any role, limited to the user's teams (admin: all).",
  })
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @ApiOkResponse({
    type: CaseDto,
    headers: {
      ETag: {
        description: 'The `revision`, quoted: send it as If-Match on a command',
        schema: { type: 'string', example: '"3"' },
      },
    },
  })
  @ApiProblemResponse(403, 'The case belongs to another team, or the token names no team (FORBIDDEN_TEAM)')
  @ApiProblemResponse(404, 'No such case (CASE_NOT_FOUND)')
  async find(
    @CaseIdParam() caseId: string,
    @Query() query: CaseQueryDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseDto> {
    assertHasTeams(user);
    await this.context.consistentWith(query.minPosition);
    const found = await this.cases.find(caseId);
    if (!found) throw new DomainError('CASE_NOT_FOUND', `No case ${caseId}`);
    assertTeamAccess(user, found.summary.team);
    // The revision this answer shows, as a command's ETag: a stale read then fails If-Match (412).
    response.setHeader('ETag', etagOf(found.summary.revision));
    return this.toDto(found, query.asOf ?? this.context.today());
  }

  private toDto(
    { summary, deadlines, appeals, transferIn, reassessment, views, familyLink }: CaseRecord,
    asOf: string,
  ): CaseDto {
    const { childFirstName, childLastName, childDateOfBirth } = summary;
    return {
      caseId: summary.caseId,
      reference: summary.reference,
      team: summary.team,
      caseworkerId: summary.caseworkerId,
      stage: shownStageOf(summary.stage, summary.ceasesOn, asOf),
      requestedBy: summary.requestedBy,
      // A plan transferred in had no request (its case opened on the transfer date).
      requestReceivedOn: summary.openedByRequest ? summary.requestReceivedOn : null,
      child:
        childFirstName !== null && childLastName !== null && childDateOfBirth !== null
          ? { firstName: childFirstName, lastName: childLastName, dateOfBirth: childDateOfBirth }
          : null,
      revision: summary.revision,
      deadlines: deadlines.map((row) => deadlineViewOf(row, asOf, this.context.warnDays)),
      ceasesOn: summary.ceasesOn,
      appeals: appeals.map(({ appealId, against, lodgedOn, outcome }) => ({
        appealId,
        against,
        lodgedOn,
        outcome: outcome && { outcome: outcome.outcome, decidedOn: outcome.decidedOn },
      })),
      transferredIn: transferIn && {
        fromAuthority: transferIn.fromAuthority,
        transferredOn: transferIn.transferredOn,
        planMadeOn: transferIn.planMadeOn,
        lastReviewedOn: transferIn.lastReviewedOn,
      },
      reassessment: reassessment && {
        requestId: reassessment.requestId,
        receivedOn: reassessment.receivedOn,
        decision: reassessment.decision && {
          decision: reassessment.decision.decision,
          decidedOn: reassessment.decision.decidedOn,
        },
      },
      views: views.map(({ viewsId, gatheredOn, method, stage }) => ({ viewsId, gatheredOn, method, stage })),
      familyLink: familyLink && {
        linkId: familyLink.linkId,
        issuedOn: familyLink.issuedOn,
        expiresOn: familyLink.expiresOn,
      },
    };
  }
}

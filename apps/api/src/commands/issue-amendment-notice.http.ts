import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CommandIds } from '../idempotency/command-ids';
import { CaseIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import { AmendmentNoticeIssuedResponseDto } from './shared/command-response.dto';
import { DateField, SubResourceIdField, SubResourceRefField } from './shared/dto-fields';

export class IssueAmendmentNoticeDto {
  @SubResourceIdField('The amendment notice id.')
  noticeId?: string;

  @DateField({ example: '2026-05-20' })
  issuedOn!: string;

  @SubResourceRefField(
    'The review whose "amend" decision the notice follows (its `amendment_notice` deadline is met, reg 22(2)). ' +
      'Default: the latest review decided "amend" that has no notice yet and met on or before `issuedOn`; ' +
      'with none, the notice follows no review. A named review must exist (404 REVIEW_NOT_FOUND), be decided ' +
      '"amend" (409 REVIEW_NOT_DECIDED_AMEND), have no notice yet (409 REVIEW_NOTICE_ALREADY_SERVED) and ' +
      'have met on or before `issuedOn` (409 NOTICE_BEFORE_REVIEW_MEETING).',
  )
  reviewId?: string;
}

@ApiTags('case commands')
@Controller('cases')
export class IssueAmendmentNoticeController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly ids: CommandIds,
  ) {}

  @Post(':caseId/amendment-notices')
  @CommandEndpoint({
    summary: 'Serve an amendment notice',
    description:
      'Opens `amended_plan` (8 weeks, reg 22(3)) and a 15-day representation window; meets the ' +
      '`amendment_notice` deadline of the review decided "amend" it follows (`reviewId`). Returns `noticeId`.',
    created: true,
    body: IssueAmendmentNoticeDto,
    response: AmendmentNoticeIssuedResponseDto,
    example: { issuedOn: '2026-05-20' },
  })
  async issueAmendmentNotice(
    @CaseIdParam() caseId: string,
    @Body() body: IssueAmendmentNoticeDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<AmendmentNoticeIssuedResponseDto> {
    const noticeId = this.ids.idFor(context, 'noticeId', body.noticeId);
    const data = { noticeId, issuedOn: body.issuedOn, reviewId: body.reviewId ?? null };
    const command = new CaseCommand(caseId, { type: 'IssueAmendmentNotice', data }, context);
    return { ...(await this.commandBus.execute(command)), noticeId };
  }
}

import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CommandIds } from '../idempotency/command-ids';
import { CaseIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import { AmendmentNoticeIssuedResponseDto } from './shared/command-response.dto';
import { DateField, SubResourceIdField } from './shared/dto-fields';

export class IssueAmendmentNoticeDto {
  @SubResourceIdField('The amendment notice id.')
  noticeId?: string;

  @DateField({ example: '2026-05-20' })
  issuedOn!: string;
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
      'Opens `amended_plan` (8 weeks, reg 22(3)) and a 15-day representation window. Returns `noticeId`.',
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
    const data = { noticeId, issuedOn: body.issuedOn };
    const command = new CaseCommand(caseId, { type: 'IssueAmendmentNotice', data }, context);
    return { ...(await this.commandBus.execute(command)), noticeId };
  }
}

import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../../http/command-context.decorator';
import { CaseIdParam } from '../../validation/ids';
import { CommandEndpoint } from '../shared/command-endpoint.decorator';
import { AmendmentNoticeIssuedResponseDto } from '../shared/command-response.dto';
import { IssueAmendmentNoticeCommand } from './issue-amendment-notice.command';
import { IssueAmendmentNoticeDto } from './issue-amendment-notice.dto';

@ApiTags('case commands')
@Controller('cases')
export class IssueAmendmentNoticeController {
  constructor(private readonly commandBus: CommandBus) {}

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
  issueAmendmentNotice(
    @CaseIdParam() caseId: string,
    @Body() body: IssueAmendmentNoticeDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<AmendmentNoticeIssuedResponseDto> {
    return this.commandBus.execute(new IssueAmendmentNoticeCommand(caseId, body, context));
  }
}

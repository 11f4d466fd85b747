import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CaseIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import type { CommandResponseDto } from './shared/command-response.dto';
import { BooleanField, DateField } from './shared/dto-fields';

export class IssueTransferNoticeDto {
  @DateField({ example: '2026-04-01', description: 'The day the notice was sent to the family.' })
  issuedOn!: string;

  @BooleanField({
    example: false,
    description: 'Whether the LA proposes to make an EHC needs assessment (reg 15(4)).',
  })
  proposesAssessment!: boolean;
}

@ApiTags('case commands')
@Controller('cases')
export class IssueTransferNoticeController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/transfer-notice')
  @CommandEndpoint({
    summary: 'Tell the family whether the LA will assess a transferred-in plan',
    description:
      '(2nd ed.) Meets `transfer_notice`, due 6 weeks after the transfer (SEND Regs 2014 reg 15(4)): whether the LA will ' +
      'make an EHC needs assessment and when it will review the plan. ' +
      '404 CASE_NOT_FOUND; 409 NOT_TRANSFERRED_IN for a case not opened by a transfer in, ' +
      '409 TRANSFER_NOTICE_ALREADY_ISSUED, 409 DATE_BEFORE_REQUEST for a notice dated before the transfer, ' +
      '409 CASE_CLOSED, 409 PLAN_CEASED; 400 VALIDATION_FAILED naming a date after today.',
    body: IssueTransferNoticeDto,
    example: { issuedOn: '2026-04-01', proposesAssessment: false },
  })
  issueTransferNotice(
    @CaseIdParam() caseId: string,
    @Body() body: IssueTransferNoticeDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    const data = { issuedOn: body.issuedOn, proposesAssessment: body.proposesAssessment };
    return this.commandBus.execute(new CaseCommand(caseId, { type: 'IssueTransferNotice', data }, context));
  }
}

import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../../http/command-context.decorator';
import { CaseIdParam } from '../../validation/ids';
import { CommandEndpoint } from '../shared/command-endpoint.decorator';
import type { CommandResponseDto } from '../shared/command-response.dto';
import { IssueAmendedPlanCommand } from './issue-amended-plan.command';
import { IssueAmendedPlanDto } from './issue-amended-plan.dto';

@ApiTags('case commands')
@Controller('cases')
export class IssueAmendedPlanController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/amended-plan')
  @CommandEndpoint({
    summary: 'Issue the amended plan',
    description:
      "Meets that notice's `amended_plan` deadline; naming a placement also meets an open phase transfer (reg 18(1)).",
    body: IssueAmendedPlanDto,
    example: { noticeId: 'f0e1d2c3-b4a5-4968-8776-655443322110', issuedOn: '2026-07-01' },
  })
  issueAmendedPlan(
    @CaseIdParam() caseId: string,
    @Body() body: IssueAmendedPlanDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    return this.commandBus.execute(new IssueAmendedPlanCommand(caseId, body, context));
  }
}

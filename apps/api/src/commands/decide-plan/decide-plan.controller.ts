import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../../http/command-context.decorator';
import { CaseIdParam } from '../../validation/ids';
import { CommandEndpoint } from '../shared/command-endpoint.decorator';
import type { CommandResponseDto } from '../shared/command-response.dto';
import { DecidePlanCommand } from './decide-plan.command';
import { DecidePlanDto } from './decide-plan.dto';

@ApiTags('case commands')
@Controller('cases')
export class DecidePlanController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/plan-decision')
  @CommandEndpoint({
    summary: 'Decide whether to issue a plan',
    description: 'Meets `plan_decision` (16 weeks, reg 10(1)). "not_issue" cancels `final_plan`.',
    body: DecidePlanDto,
    example: { decision: 'issue', decidedOn: '2025-04-07' },
  })
  decidePlan(
    @CaseIdParam() caseId: string,
    @Body() body: DecidePlanDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    return this.commandBus.execute(new DecidePlanCommand(caseId, body, context));
  }
}

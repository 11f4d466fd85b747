import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { PLAN_DECISIONS, type PlanDecision } from '@ehcp/domain';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CaseIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import type { CommandResponseDto } from './shared/command-response.dto';
import { DateField, EnumField } from './shared/dto-fields';

export class DecidePlanDto {
  @EnumField(PLAN_DECISIONS, 'PlanDecision', { example: 'issue' })
  decision!: PlanDecision;

  @DateField({ example: '2025-04-07' })
  decidedOn!: string;
}

@ApiTags('case commands')
@Controller('cases')
export class DecidePlanController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/plan-decision')
  @CommandEndpoint({
    summary: 'Decide whether to issue a plan',
    description:
      '"not_issue" meets `plan_decision` (16 weeks, reg 10(1)) and cancels `final_plan`; "issue" cancels `plan_decision`, as reg 10(1) binds only a decision not to issue (the 20-week `final_plan` governs that path).',
    body: DecidePlanDto,
    example: { decision: 'issue', decidedOn: '2025-04-07' },
  })
  decidePlan(
    @CaseIdParam() caseId: string,
    @Body() body: DecidePlanDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    const data = { decision: body.decision, decidedOn: body.decidedOn };
    return this.commandBus.execute(new CaseCommand(caseId, { type: 'DecidePlan', data }, context));
  }
}

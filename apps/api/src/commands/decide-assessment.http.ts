import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ASSESSMENT_DECISIONS, type AssessmentDecision } from '@ehcp/domain';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CaseIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import type { CommandResponseDto } from './shared/command-response.dto';
import { DateField, EnumField } from './shared/dto-fields';

export class DecideAssessmentDto {
  @EnumField(ASSESSMENT_DECISIONS, 'AssessmentDecision', { example: 'assess' })
  decision!: AssessmentDecision;

  @DateField({ example: '2025-02-10' })
  decidedOn!: string;
}

@ApiTags('case commands')
@Controller('cases')
export class DecideAssessmentController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/assessment-decision')
  @CommandEndpoint({
    summary: 'Decide whether to assess',
    description:
      'Meets the 6-week `decision_to_assess` deadline (reg 5(1)). A refusal cancels `plan_decision` and `final_plan`; a later decision to assess reverses it.',
    body: DecideAssessmentDto,
    example: { decision: 'assess', decidedOn: '2025-02-10' },
  })
  decideAssessment(
    @CaseIdParam() caseId: string,
    @Body() body: DecideAssessmentDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    const data = { decision: body.decision, decidedOn: body.decidedOn };
    return this.commandBus.execute(new CaseCommand(caseId, { type: 'DecideAssessment', data }, context));
  }
}

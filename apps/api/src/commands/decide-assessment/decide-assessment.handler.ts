import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandExecutor } from '../shared/case-command.executor';
import type { CommandResponseDto } from '../shared/command-response.dto';
import { responseOf } from '../shared/command-response';
import { DecideAssessmentCommand } from './decide-assessment.command';

@CommandHandler(DecideAssessmentCommand)
export class DecideAssessmentHandler implements ICommandHandler<DecideAssessmentCommand, CommandResponseDto> {
  constructor(private readonly cases: CaseCommandExecutor) {}

  async execute({ caseId, body, context }: DecideAssessmentCommand): Promise<CommandResponseDto> {
    const outcome = await this.cases.execute(caseId, context, {
      type: 'DecideAssessment',
      data: { decision: body.decision, decidedOn: body.decidedOn },
    });
    return responseOf(outcome);
  }
}

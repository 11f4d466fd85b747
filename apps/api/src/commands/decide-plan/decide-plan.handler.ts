import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandExecutor } from '../shared/case-command.executor';
import type { CommandResponseDto } from '../shared/command-response.dto';
import { responseOf } from '../shared/command-response';
import { DecidePlanCommand } from './decide-plan.command';

@CommandHandler(DecidePlanCommand)
export class DecidePlanHandler implements ICommandHandler<DecidePlanCommand, CommandResponseDto> {
  constructor(private readonly cases: CaseCommandExecutor) {}

  async execute({ caseId, body, context }: DecidePlanCommand): Promise<CommandResponseDto> {
    const outcome = await this.cases.execute(caseId, context, {
      type: 'DecidePlan',
      data: { decision: body.decision, decidedOn: body.decidedOn },
    });
    return responseOf(outcome);
  }
}

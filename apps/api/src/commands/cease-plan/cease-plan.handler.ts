import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandExecutor } from '../shared/case-command.executor';
import type { CommandResponseDto } from '../shared/command-response.dto';
import { responseOf } from '../shared/command-response';
import { CeasePlanCommand } from './cease-plan.command';

@CommandHandler(CeasePlanCommand)
export class CeasePlanHandler implements ICommandHandler<CeasePlanCommand, CommandResponseDto> {
  constructor(private readonly cases: CaseCommandExecutor) {}

  async execute({ caseId, body, context }: CeasePlanCommand): Promise<CommandResponseDto> {
    const outcome = await this.cases.execute(caseId, context, {
      type: 'CeasePlan',
      data: { ceasedOn: body.ceasedOn, reason: body.reason },
    });
    return responseOf(outcome);
  }
}

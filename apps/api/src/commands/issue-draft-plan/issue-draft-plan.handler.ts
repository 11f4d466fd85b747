import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandExecutor } from '../shared/case-command.executor';
import type { CommandResponseDto } from '../shared/command-response.dto';
import { responseOf } from '../shared/command-response';
import { IssueDraftPlanCommand } from './issue-draft-plan.command';

@CommandHandler(IssueDraftPlanCommand)
export class IssueDraftPlanHandler implements ICommandHandler<IssueDraftPlanCommand, CommandResponseDto> {
  constructor(private readonly cases: CaseCommandExecutor) {}

  async execute({ caseId, body, context }: IssueDraftPlanCommand): Promise<CommandResponseDto> {
    const outcome = await this.cases.execute(caseId, context, {
      type: 'IssueDraftPlan',
      data: { issuedOn: body.issuedOn },
    });
    return responseOf(outcome);
  }
}

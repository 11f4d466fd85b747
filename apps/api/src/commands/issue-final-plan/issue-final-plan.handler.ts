import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandExecutor } from '../shared/case-command.executor';
import type { CommandResponseDto } from '../shared/command-response.dto';
import { responseOf } from '../shared/command-response';
import { IssueFinalPlanCommand } from './issue-final-plan.command';

@CommandHandler(IssueFinalPlanCommand)
export class IssueFinalPlanHandler implements ICommandHandler<IssueFinalPlanCommand, CommandResponseDto> {
  constructor(private readonly cases: CaseCommandExecutor) {}

  async execute({ caseId, body, context }: IssueFinalPlanCommand): Promise<CommandResponseDto> {
    const outcome = await this.cases.execute(caseId, context, {
      type: 'IssueFinalPlan',
      data: {
        issuedOn: body.issuedOn,
        placement: { institution: body.placement.institution, type: body.placement.type },
      },
    });
    return responseOf(outcome);
  }
}

import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandExecutor } from '../shared/case-command.executor';
import type { CommandResponseDto } from '../shared/command-response.dto';
import { responseOf } from '../shared/command-response';
import { AssignCaseworkerCommand } from './assign-caseworker.command';

@CommandHandler(AssignCaseworkerCommand)
export class AssignCaseworkerHandler implements ICommandHandler<AssignCaseworkerCommand, CommandResponseDto> {
  constructor(private readonly cases: CaseCommandExecutor) {}

  async execute({ caseId, body, context }: AssignCaseworkerCommand): Promise<CommandResponseDto> {
    const outcome = await this.cases.execute(caseId, context, {
      type: 'AssignCaseworker',
      data: { caseworkerId: body.caseworkerId, assignedOn: body.assignedOn },
    });
    return responseOf(outcome);
  }
}

import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandExecutor } from '../shared/case-command.executor';
import type { CommandResponseDto } from '../shared/command-response.dto';
import { responseOf } from '../shared/command-response';
import { EndExceptionCommand } from './end-exception.command';

@CommandHandler(EndExceptionCommand)
export class EndExceptionHandler implements ICommandHandler<EndExceptionCommand, CommandResponseDto> {
  constructor(private readonly cases: CaseCommandExecutor) {}

  async execute({ caseId, exceptionId, body, context }: EndExceptionCommand): Promise<CommandResponseDto> {
    const outcome = await this.cases.execute(caseId, context, {
      type: 'EndException',
      data: { exceptionId, endedOn: body.endedOn },
    });
    return responseOf(outcome);
  }
}

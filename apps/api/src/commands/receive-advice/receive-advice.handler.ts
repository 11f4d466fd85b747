import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandExecutor } from '../shared/case-command.executor';
import type { CommandResponseDto } from '../shared/command-response.dto';
import { responseOf } from '../shared/command-response';
import { ReceiveAdviceCommand } from './receive-advice.command';

@CommandHandler(ReceiveAdviceCommand)
export class ReceiveAdviceHandler implements ICommandHandler<ReceiveAdviceCommand, CommandResponseDto> {
  constructor(private readonly cases: CaseCommandExecutor) {}

  async execute({ caseId, adviceId, body, context }: ReceiveAdviceCommand): Promise<CommandResponseDto> {
    const outcome = await this.cases.execute(caseId, context, {
      type: 'ReceiveAdvice',
      data: { adviceId, receivedOn: body.receivedOn },
    });
    return responseOf(outcome);
  }
}

import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandExecutor } from '../shared/case-command.executor';
import type { CommandResponseDto } from '../shared/command-response.dto';
import { responseOf } from '../shared/command-response';
import { ReceiveConsultationResponseCommand } from './receive-consultation-response.command';

@CommandHandler(ReceiveConsultationResponseCommand)
export class ReceiveConsultationResponseHandler implements ICommandHandler<
  ReceiveConsultationResponseCommand,
  CommandResponseDto
> {
  constructor(private readonly cases: CaseCommandExecutor) {}

  async execute({
    caseId,
    consultationId,
    body,
    context,
  }: ReceiveConsultationResponseCommand): Promise<CommandResponseDto> {
    const outcome = await this.cases.execute(caseId, context, {
      type: 'ReceiveConsultationResponse',
      data: { consultationId, receivedOn: body.receivedOn, outcome: body.outcome },
    });
    return responseOf(outcome);
  }
}

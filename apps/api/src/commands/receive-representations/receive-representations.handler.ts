import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandExecutor } from '../shared/case-command.executor';
import type { CommandResponseDto } from '../shared/command-response.dto';
import { responseOf } from '../shared/command-response';
import { ReceiveRepresentationsCommand } from './receive-representations.command';

@CommandHandler(ReceiveRepresentationsCommand)
export class ReceiveRepresentationsHandler implements ICommandHandler<
  ReceiveRepresentationsCommand,
  CommandResponseDto
> {
  constructor(private readonly cases: CaseCommandExecutor) {}

  async execute({ caseId, body, context }: ReceiveRepresentationsCommand): Promise<CommandResponseDto> {
    const outcome = await this.cases.execute(caseId, context, {
      type: 'ReceiveRepresentations',
      data: { receivedOn: body.receivedOn, requestedInstitution: body.requestedInstitution ?? null },
    });
    return responseOf(outcome);
  }
}

import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandExecutor } from '../shared/case-command.executor';
import type { CommandResponseDto } from '../shared/command-response.dto';
import { responseOf } from '../shared/command-response';
import { ReceiveAmendmentRepresentationsCommand } from './receive-amendment-representations.command';

@CommandHandler(ReceiveAmendmentRepresentationsCommand)
export class ReceiveAmendmentRepresentationsHandler implements ICommandHandler<
  ReceiveAmendmentRepresentationsCommand,
  CommandResponseDto
> {
  constructor(private readonly cases: CaseCommandExecutor) {}

  async execute({
    caseId,
    noticeId,
    body,
    context,
  }: ReceiveAmendmentRepresentationsCommand): Promise<CommandResponseDto> {
    const outcome = await this.cases.execute(caseId, context, {
      type: 'ReceiveAmendmentRepresentations',
      data: { noticeId, receivedOn: body.receivedOn },
    });
    return responseOf(outcome);
  }
}

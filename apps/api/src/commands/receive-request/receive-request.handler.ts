import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandIds } from '../../idempotency/command-ids';
import { CaseCommandExecutor } from '../shared/case-command.executor';
import type { CommandResponseDto } from '../shared/command-response.dto';
import { responseOf } from '../shared/command-response';
import { ReceiveRequestCommand } from './receive-request.command';

@CommandHandler(ReceiveRequestCommand)
export class ReceiveRequestHandler implements ICommandHandler<ReceiveRequestCommand, CommandResponseDto> {
  constructor(
    private readonly cases: CaseCommandExecutor,
    private readonly ids: CommandIds,
  ) {}

  async execute({ body, context }: ReceiveRequestCommand): Promise<CommandResponseDto> {
    const caseId = this.ids.idFor(context, 'caseId', body.caseId);
    const outcome = await this.cases.execute(caseId, context, {
      type: 'ReceiveRequest',
      data: {
        caseId,
        reference: body.reference ?? null,
        team: body.team,
        requestReceivedOn: body.requestReceivedOn,
        requestedBy: body.requestedBy,
        child: {
          firstName: body.child.firstName,
          lastName: body.child.lastName,
          dateOfBirth: body.child.dateOfBirth,
        },
        caseworkerId: body.caseworkerId ?? null,
      },
    });
    return responseOf(outcome);
  }
}

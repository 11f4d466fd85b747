import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandIds } from '../../idempotency/command-ids';
import { CaseCommandExecutor } from '../shared/case-command.executor';
import type { AdviceRequestedResponseDto } from '../shared/command-response.dto';
import { responseOf } from '../shared/command-response';
import { RequestAdviceCommand } from './request-advice.command';

@CommandHandler(RequestAdviceCommand)
export class RequestAdviceHandler implements ICommandHandler<
  RequestAdviceCommand,
  AdviceRequestedResponseDto
> {
  constructor(
    private readonly cases: CaseCommandExecutor,
    private readonly ids: CommandIds,
  ) {}

  async execute({ caseId, body, context }: RequestAdviceCommand): Promise<AdviceRequestedResponseDto> {
    const adviceId = this.ids.idFor(context, 'adviceId', body.adviceId);
    const outcome = await this.cases.execute(caseId, context, {
      type: 'RequestAdvice',
      data: { adviceId, source: body.source, requestedOn: body.requestedOn },
    });
    return { ...responseOf(outcome), adviceId };
  }
}

import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandIds } from '../../idempotency/command-ids';
import { CaseCommandExecutor } from '../shared/case-command.executor';
import type { ExceptionRecordedResponseDto } from '../shared/command-response.dto';
import { responseOf } from '../shared/command-response';
import { RecordExceptionCommand } from './record-exception.command';

@CommandHandler(RecordExceptionCommand)
export class RecordExceptionHandler implements ICommandHandler<
  RecordExceptionCommand,
  ExceptionRecordedResponseDto
> {
  constructor(
    private readonly cases: CaseCommandExecutor,
    private readonly ids: CommandIds,
  ) {}

  async execute({ caseId, body, context }: RecordExceptionCommand): Promise<ExceptionRecordedResponseDto> {
    const exceptionId = this.ids.idFor(context, 'exceptionId', body.exceptionId);
    const outcome = await this.cases.execute(caseId, context, {
      type: 'RecordException',
      data: {
        exceptionId,
        reason: body.reason,
        startedOn: body.startedOn,
        endedOn: body.endedOn ?? null,
        note: body.note ?? null,
      },
    });
    return { ...responseOf(outcome), exceptionId };
  }
}

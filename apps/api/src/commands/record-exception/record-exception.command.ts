import { Command } from '@nestjs/cqrs';
import type { CommandRequestContext } from '../../http/command-context.decorator';
import type { ExceptionRecordedResponseDto } from '../shared/command-response.dto';
import type { RecordExceptionDto } from './record-exception.dto';

export class RecordExceptionCommand extends Command<ExceptionRecordedResponseDto> {
  constructor(
    readonly caseId: string,
    readonly body: RecordExceptionDto,
    readonly context: CommandRequestContext,
  ) {
    super();
  }
}

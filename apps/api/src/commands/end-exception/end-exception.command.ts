import { Command } from '@nestjs/cqrs';
import type { CommandRequestContext } from '../../http/command-context.decorator';
import type { CommandResponseDto } from '../shared/command-response.dto';
import type { EndExceptionDto } from './end-exception.dto';

export class EndExceptionCommand extends Command<CommandResponseDto> {
  constructor(
    readonly caseId: string,
    readonly exceptionId: string,
    readonly body: EndExceptionDto,
    readonly context: CommandRequestContext,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { CommandRequestContext } from '../../http/command-context.decorator';
import type { CommandResponseDto } from '../shared/command-response.dto';
import type { ReceiveAdviceDto } from './receive-advice.dto';

export class ReceiveAdviceCommand extends Command<CommandResponseDto> {
  constructor(
    readonly caseId: string,
    readonly adviceId: string,
    readonly body: ReceiveAdviceDto,
    readonly context: CommandRequestContext,
  ) {
    super();
  }
}

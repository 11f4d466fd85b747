import { Command } from '@nestjs/cqrs';
import type { CommandRequestContext } from '../../http/command-context.decorator';
import type { CommandResponseDto } from '../shared/command-response.dto';
import type { ReceiveRequestDto } from './receive-request.dto';

export class ReceiveRequestCommand extends Command<CommandResponseDto> {
  constructor(
    readonly body: ReceiveRequestDto,
    readonly context: CommandRequestContext,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { CommandRequestContext } from '../../http/command-context.decorator';
import type { CommandResponseDto } from '../shared/command-response.dto';
import type { ReceiveRepresentationsDto } from './receive-representations.dto';

export class ReceiveRepresentationsCommand extends Command<CommandResponseDto> {
  constructor(
    readonly caseId: string,
    readonly body: ReceiveRepresentationsDto,
    readonly context: CommandRequestContext,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { CommandRequestContext } from '../../http/command-context.decorator';
import type { CommandResponseDto } from '../shared/command-response.dto';

export class ErasePersonalDataCommand extends Command<CommandResponseDto> {
  constructor(
    readonly caseId: string,
    readonly context: CommandRequestContext,
  ) {
    super();
  }
}

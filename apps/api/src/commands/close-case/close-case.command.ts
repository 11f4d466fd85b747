import { Command } from '@nestjs/cqrs';
import type { CommandRequestContext } from '../../http/command-context.decorator';
import type { CommandResponseDto } from '../shared/command-response.dto';
import type { CloseCaseDto } from './close-case.dto';

export class CloseCaseCommand extends Command<CommandResponseDto> {
  constructor(
    readonly caseId: string,
    readonly body: CloseCaseDto,
    readonly context: CommandRequestContext,
  ) {
    super();
  }
}

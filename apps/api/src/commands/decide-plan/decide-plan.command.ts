import { Command } from '@nestjs/cqrs';
import type { CommandRequestContext } from '../../http/command-context.decorator';
import type { CommandResponseDto } from '../shared/command-response.dto';
import type { DecidePlanDto } from './decide-plan.dto';

export class DecidePlanCommand extends Command<CommandResponseDto> {
  constructor(
    readonly caseId: string,
    readonly body: DecidePlanDto,
    readonly context: CommandRequestContext,
  ) {
    super();
  }
}

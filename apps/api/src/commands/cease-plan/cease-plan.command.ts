import { Command } from '@nestjs/cqrs';
import type { CommandRequestContext } from '../../http/command-context.decorator';
import type { CommandResponseDto } from '../shared/command-response.dto';
import type { CeasePlanDto } from './cease-plan.dto';

export class CeasePlanCommand extends Command<CommandResponseDto> {
  constructor(
    readonly caseId: string,
    readonly body: CeasePlanDto,
    readonly context: CommandRequestContext,
  ) {
    super();
  }
}

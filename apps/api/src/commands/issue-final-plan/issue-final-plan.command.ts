import { Command } from '@nestjs/cqrs';
import type { CommandRequestContext } from '../../http/command-context.decorator';
import type { CommandResponseDto } from '../shared/command-response.dto';
import type { IssueFinalPlanDto } from './issue-final-plan.dto';

export class IssueFinalPlanCommand extends Command<CommandResponseDto> {
  constructor(
    readonly caseId: string,
    readonly body: IssueFinalPlanDto,
    readonly context: CommandRequestContext,
  ) {
    super();
  }
}

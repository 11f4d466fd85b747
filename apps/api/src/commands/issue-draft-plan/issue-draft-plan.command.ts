import { Command } from '@nestjs/cqrs';
import type { CommandRequestContext } from '../../http/command-context.decorator';
import type { CommandResponseDto } from '../shared/command-response.dto';
import type { IssueDraftPlanDto } from './issue-draft-plan.dto';

export class IssueDraftPlanCommand extends Command<CommandResponseDto> {
  constructor(
    readonly caseId: string,
    readonly body: IssueDraftPlanDto,
    readonly context: CommandRequestContext,
  ) {
    super();
  }
}

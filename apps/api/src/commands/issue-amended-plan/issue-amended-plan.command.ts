import { Command } from '@nestjs/cqrs';
import type { CommandRequestContext } from '../../http/command-context.decorator';
import type { CommandResponseDto } from '../shared/command-response.dto';
import type { IssueAmendedPlanDto } from './issue-amended-plan.dto';

export class IssueAmendedPlanCommand extends Command<CommandResponseDto> {
  constructor(
    readonly caseId: string,
    readonly body: IssueAmendedPlanDto,
    readonly context: CommandRequestContext,
  ) {
    super();
  }
}

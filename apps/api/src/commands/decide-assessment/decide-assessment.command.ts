import { Command } from '@nestjs/cqrs';
import type { CommandRequestContext } from '../../http/command-context.decorator';
import type { CommandResponseDto } from '../shared/command-response.dto';
import type { DecideAssessmentDto } from './decide-assessment.dto';

export class DecideAssessmentCommand extends Command<CommandResponseDto> {
  constructor(
    readonly caseId: string,
    readonly body: DecideAssessmentDto,
    readonly context: CommandRequestContext,
  ) {
    super();
  }
}

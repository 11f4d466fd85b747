import { Command } from '@nestjs/cqrs';
import type { CommandRequestContext } from '../../http/command-context.decorator';
import type { CommandResponseDto } from '../shared/command-response.dto';
import type { DecideReviewDto } from './decide-review.dto';

export class DecideReviewCommand extends Command<CommandResponseDto> {
  constructor(
    readonly caseId: string,
    readonly reviewId: string,
    readonly body: DecideReviewDto,
    readonly context: CommandRequestContext,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { CommandRequestContext } from '../../http/command-context.decorator';
import type { ReviewMeetingHeldResponseDto } from '../shared/command-response.dto';
import type { HoldReviewMeetingDto } from './hold-review-meeting.dto';

export class HoldReviewMeetingCommand extends Command<ReviewMeetingHeldResponseDto> {
  constructor(
    readonly caseId: string,
    readonly body: HoldReviewMeetingDto,
    readonly context: CommandRequestContext,
  ) {
    super();
  }
}

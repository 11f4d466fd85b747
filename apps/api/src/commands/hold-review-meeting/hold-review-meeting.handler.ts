import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandIds } from '../../idempotency/command-ids';
import { CaseCommandExecutor } from '../shared/case-command.executor';
import type { ReviewMeetingHeldResponseDto } from '../shared/command-response.dto';
import { responseOf } from '../shared/command-response';
import { HoldReviewMeetingCommand } from './hold-review-meeting.command';

@CommandHandler(HoldReviewMeetingCommand)
export class HoldReviewMeetingHandler implements ICommandHandler<
  HoldReviewMeetingCommand,
  ReviewMeetingHeldResponseDto
> {
  constructor(
    private readonly cases: CaseCommandExecutor,
    private readonly ids: CommandIds,
  ) {}

  async execute({ caseId, body, context }: HoldReviewMeetingCommand): Promise<ReviewMeetingHeldResponseDto> {
    const reviewId = this.ids.idFor(context, 'reviewId', body.reviewId);
    const outcome = await this.cases.execute(caseId, context, {
      type: 'HoldReviewMeeting',
      data: { reviewId, meetingHeldOn: body.meetingHeldOn },
    });
    return { ...responseOf(outcome), reviewId };
  }
}

import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CommandIds } from '../idempotency/command-ids';
import { CaseIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import { ReviewMeetingHeldResponseDto } from './shared/command-response.dto';
import { DateField, SubResourceIdField } from './shared/dto-fields';

export class HoldReviewMeetingDto {
  @SubResourceIdField('The review id.')
  reviewId?: string;

  @DateField({ example: '2026-05-01' })
  meetingHeldOn!: string;
}

@ApiTags('case commands')
@Controller('cases')
export class HoldReviewMeetingController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly ids: CommandIds,
  ) {}

  @Post(':caseId/reviews')
  @CommandEndpoint({
    summary: 'Record an annual review meeting',
    description:
      'Starts a 4-week `review_decision` (reg 20(10)). The meeting alone does not complete the `annual_review` (CFA s44(1)): the review decision does. Returns `reviewId`.',
    created: true,
    body: HoldReviewMeetingDto,
    response: ReviewMeetingHeldResponseDto,
    example: { meetingHeldOn: '2026-05-01' },
  })
  async holdReviewMeeting(
    @CaseIdParam() caseId: string,
    @Body() body: HoldReviewMeetingDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<ReviewMeetingHeldResponseDto> {
    const reviewId = this.ids.idFor(context, 'reviewId', body.reviewId);
    const data = { reviewId, meetingHeldOn: body.meetingHeldOn };
    const command = new CaseCommand(caseId, { type: 'HoldReviewMeeting', data }, context);
    return { ...(await this.commandBus.execute(command)), reviewId };
  }
}

import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../../http/command-context.decorator';
import { CaseIdParam } from '../../validation/ids';
import { CommandEndpoint } from '../shared/command-endpoint.decorator';
import { ReviewMeetingHeldResponseDto } from '../shared/command-response.dto';
import { HoldReviewMeetingCommand } from './hold-review-meeting.command';
import { HoldReviewMeetingDto } from './hold-review-meeting.dto';

@ApiTags('case commands')
@Controller('cases')
export class HoldReviewMeetingController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/reviews')
  @CommandEndpoint({
    summary: 'Record an annual review meeting',
    description:
      'Meets the `annual_review` deadline (CFA s44(1)), starts the next one and a 4-week `review_decision` (reg 20(10)). Returns `reviewId`.',
    created: true,
    body: HoldReviewMeetingDto,
    response: ReviewMeetingHeldResponseDto,
    example: { meetingHeldOn: '2026-05-01' },
  })
  holdReviewMeeting(
    @CaseIdParam() caseId: string,
    @Body() body: HoldReviewMeetingDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<ReviewMeetingHeldResponseDto> {
    return this.commandBus.execute(new HoldReviewMeetingCommand(caseId, body, context));
  }
}

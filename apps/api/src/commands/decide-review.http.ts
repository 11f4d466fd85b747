import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { REVIEW_DECISIONS, type ReviewDecision } from '@ehcp/domain';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CaseIdParam, SubResourceIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import type { CommandResponseDto } from './shared/command-response.dto';
import { DateField, EnumField } from './shared/dto-fields';

export class DecideReviewDto {
  @EnumField(REVIEW_DECISIONS, 'ReviewDecision', { example: 'amend' })
  decision!: ReviewDecision;

  @DateField({ example: '2026-05-15' })
  decidedOn!: string;
}

@ApiTags('case commands')
@Controller('cases')
export class DecideReviewController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/reviews/:reviewId/decision')
  @CommandEndpoint({
    summary: "Record the council's review decision",
    description:
      'Meets `review_decision` (4 weeks, reg 20(10)) and completes the `annual_review` (CFA s44(1), CoP 9.176): the next 12 months start with this decision.',
    body: DecideReviewDto,
    params: [{ name: 'reviewId', description: 'The review, as returned by POST reviews' }],
    example: { decision: 'amend', decidedOn: '2026-05-15' },
  })
  decideReview(
    @CaseIdParam() caseId: string,
    @SubResourceIdParam('reviewId') reviewId: string,
    @Body() body: DecideReviewDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    const data = { reviewId, decision: body.decision, decidedOn: body.decidedOn };
    return this.commandBus.execute(new CaseCommand(caseId, { type: 'DecideReview', data }, context));
  }
}

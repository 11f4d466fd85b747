import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandExecutor } from '../shared/case-command.executor';
import type { CommandResponseDto } from '../shared/command-response.dto';
import { responseOf } from '../shared/command-response';
import { DecideReviewCommand } from './decide-review.command';

@CommandHandler(DecideReviewCommand)
export class DecideReviewHandler implements ICommandHandler<DecideReviewCommand, CommandResponseDto> {
  constructor(private readonly cases: CaseCommandExecutor) {}

  async execute({ caseId, reviewId, body, context }: DecideReviewCommand): Promise<CommandResponseDto> {
    const outcome = await this.cases.execute(caseId, context, {
      type: 'DecideReview',
      data: { reviewId, decision: body.decision, decidedOn: body.decidedOn },
    });
    return responseOf(outcome);
  }
}

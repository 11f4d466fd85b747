import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandExecutor } from '../shared/case-command.executor';
import type { CommandResponseDto } from '../shared/command-response.dto';
import { responseOf } from '../shared/command-response';
import { IssueAmendedPlanCommand } from './issue-amended-plan.command';

@CommandHandler(IssueAmendedPlanCommand)
export class IssueAmendedPlanHandler implements ICommandHandler<IssueAmendedPlanCommand, CommandResponseDto> {
  constructor(private readonly cases: CaseCommandExecutor) {}

  async execute({ caseId, body, context }: IssueAmendedPlanCommand): Promise<CommandResponseDto> {
    const outcome = await this.cases.execute(caseId, context, {
      type: 'IssueAmendedPlan',
      data: {
        noticeId: body.noticeId,
        issuedOn: body.issuedOn,
        placement: body.placement
          ? { institution: body.placement.institution, type: body.placement.type }
          : null,
      },
    });
    return responseOf(outcome);
  }
}

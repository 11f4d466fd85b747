import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandIds } from '../../idempotency/command-ids';
import { CaseCommandExecutor } from '../shared/case-command.executor';
import type { AmendmentNoticeIssuedResponseDto } from '../shared/command-response.dto';
import { responseOf } from '../shared/command-response';
import { IssueAmendmentNoticeCommand } from './issue-amendment-notice.command';

@CommandHandler(IssueAmendmentNoticeCommand)
export class IssueAmendmentNoticeHandler implements ICommandHandler<
  IssueAmendmentNoticeCommand,
  AmendmentNoticeIssuedResponseDto
> {
  constructor(
    private readonly cases: CaseCommandExecutor,
    private readonly ids: CommandIds,
  ) {}

  async execute({
    caseId,
    body,
    context,
  }: IssueAmendmentNoticeCommand): Promise<AmendmentNoticeIssuedResponseDto> {
    const noticeId = this.ids.idFor(context, 'noticeId', body.noticeId);
    const outcome = await this.cases.execute(caseId, context, {
      type: 'IssueAmendmentNotice',
      data: { noticeId, issuedOn: body.issuedOn },
    });
    return { ...responseOf(outcome), noticeId };
  }
}

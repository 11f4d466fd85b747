import { Command } from '@nestjs/cqrs';
import type { CommandRequestContext } from '../../http/command-context.decorator';
import type { AmendmentNoticeIssuedResponseDto } from '../shared/command-response.dto';
import type { IssueAmendmentNoticeDto } from './issue-amendment-notice.dto';

export class IssueAmendmentNoticeCommand extends Command<AmendmentNoticeIssuedResponseDto> {
  constructor(
    readonly caseId: string,
    readonly body: IssueAmendmentNoticeDto,
    readonly context: CommandRequestContext,
  ) {
    super();
  }
}

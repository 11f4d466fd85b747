import { Command } from '@nestjs/cqrs';
import type { CommandRequestContext } from '../../http/command-context.decorator';
import type { CommandResponseDto } from '../shared/command-response.dto';
import type { ReceiveAmendmentRepresentationsDto } from './receive-amendment-representations.dto';

export class ReceiveAmendmentRepresentationsCommand extends Command<CommandResponseDto> {
  constructor(
    readonly caseId: string,
    readonly noticeId: string,
    readonly body: ReceiveAmendmentRepresentationsDto,
    readonly context: CommandRequestContext,
  ) {
    super();
  }
}

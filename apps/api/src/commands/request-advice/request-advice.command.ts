import { Command } from '@nestjs/cqrs';
import type { CommandRequestContext } from '../../http/command-context.decorator';
import type { AdviceRequestedResponseDto } from '../shared/command-response.dto';
import type { RequestAdviceDto } from './request-advice.dto';

export class RequestAdviceCommand extends Command<AdviceRequestedResponseDto> {
  constructor(
    readonly caseId: string,
    readonly body: RequestAdviceDto,
    readonly context: CommandRequestContext,
  ) {
    super();
  }
}

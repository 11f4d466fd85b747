import { Command } from '@nestjs/cqrs';
import type { CommandRequestContext } from '../../http/command-context.decorator';
import type { CommandResponseDto } from '../shared/command-response.dto';
import type { ReceiveConsultationResponseDto } from './receive-consultation-response.dto';

export class ReceiveConsultationResponseCommand extends Command<CommandResponseDto> {
  constructor(
    readonly caseId: string,
    readonly consultationId: string,
    readonly body: ReceiveConsultationResponseDto,
    readonly context: CommandRequestContext,
  ) {
    super();
  }
}

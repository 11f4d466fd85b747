import { Command } from '@nestjs/cqrs';
import type { CommandRequestContext } from '../../http/command-context.decorator';
import type { QaAuditRecordedResponseDto } from '../shared/command-response.dto';
import type { RecordQaAuditDto } from './record-qa-audit.dto';

export class RecordQaAuditCommand extends Command<QaAuditRecordedResponseDto> {
  constructor(
    readonly caseId: string,
    readonly body: RecordQaAuditDto,
    readonly context: CommandRequestContext,
  ) {
    super();
  }
}

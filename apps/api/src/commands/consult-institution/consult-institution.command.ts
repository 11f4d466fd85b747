import { Command } from '@nestjs/cqrs';
import type { CommandRequestContext } from '../../http/command-context.decorator';
import type { InstitutionConsultedResponseDto } from '../shared/command-response.dto';
import type { ConsultInstitutionDto } from './consult-institution.dto';

export class ConsultInstitutionCommand extends Command<InstitutionConsultedResponseDto> {
  constructor(
    readonly caseId: string,
    readonly body: ConsultInstitutionDto,
    readonly context: CommandRequestContext,
  ) {
    super();
  }
}

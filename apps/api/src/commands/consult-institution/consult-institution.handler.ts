import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandIds } from '../../idempotency/command-ids';
import { CaseCommandExecutor } from '../shared/case-command.executor';
import type { InstitutionConsultedResponseDto } from '../shared/command-response.dto';
import { responseOf } from '../shared/command-response';
import { ConsultInstitutionCommand } from './consult-institution.command';

@CommandHandler(ConsultInstitutionCommand)
export class ConsultInstitutionHandler implements ICommandHandler<
  ConsultInstitutionCommand,
  InstitutionConsultedResponseDto
> {
  constructor(
    private readonly cases: CaseCommandExecutor,
    private readonly ids: CommandIds,
  ) {}

  async execute({
    caseId,
    body,
    context,
  }: ConsultInstitutionCommand): Promise<InstitutionConsultedResponseDto> {
    const consultationId = this.ids.idFor(context, 'consultationId', body.consultationId);
    const outcome = await this.cases.execute(caseId, context, {
      type: 'ConsultInstitution',
      data: { consultationId, institution: body.institution, consultedOn: body.consultedOn },
    });
    return { ...responseOf(outcome), consultationId };
  }
}

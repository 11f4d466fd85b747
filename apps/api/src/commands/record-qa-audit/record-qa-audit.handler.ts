import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandIds } from '../../idempotency/command-ids';
import { CaseCommandExecutor } from '../shared/case-command.executor';
import type { QaAuditRecordedResponseDto } from '../shared/command-response.dto';
import { responseOf } from '../shared/command-response';
import { overallGradeOf } from './recorded-grade';
import { RecordQaAuditCommand } from './record-qa-audit.command';

@CommandHandler(RecordQaAuditCommand)
export class RecordQaAuditHandler implements ICommandHandler<
  RecordQaAuditCommand,
  QaAuditRecordedResponseDto
> {
  constructor(
    private readonly cases: CaseCommandExecutor,
    private readonly ids: CommandIds,
  ) {}

  async execute({ caseId, body, context }: RecordQaAuditCommand): Promise<QaAuditRecordedResponseDto> {
    const auditId = this.ids.idFor(context, 'auditId', body.auditId);
    const outcome = await this.cases.execute(caseId, context, {
      type: 'RecordQaAudit',
      data: {
        auditId,
        planVersion: body.planVersion,
        auditedOn: body.auditedOn,
        auditorRole: body.auditorRole,
        sections: { ...body.sections },
        actions: body.actions ?? null,
      },
    });
    return { ...responseOf(outcome), auditId, overallGrade: overallGradeOf(outcome.events) };
  }
}

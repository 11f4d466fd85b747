import { AUDITOR_ROLES, PLAN_VERSIONS, type AuditorRole, type PlanVersion } from '@ehcp/domain';
import { DateField, EnumField, LONG_TEXT, SubResourceIdField, TextField } from '../shared/dto-fields';
import { NestedField, QaSectionsDto } from '../shared/shared.dto';

export class RecordQaAuditDto {
  @SubResourceIdField('The audit id.')
  auditId?: string;

  @EnumField(PLAN_VERSIONS, 'PlanVersion', { example: 'final' })
  planVersion!: PlanVersion;

  @DateField({ example: '2025-06-02' })
  auditedOn!: string;

  @EnumField(AUDITOR_ROLES, 'AuditorRole', { example: 'qa_officer' })
  auditorRole!: AuditorRole;

  @NestedField(() => QaSectionsDto, { description: 'A grade per section A-K.' })
  sections!: QaSectionsDto;

  @TextField(LONG_TEXT, { optional: true, example: 'Make outcomes in section E specific and measurable.' })
  actions?: string | null;
}

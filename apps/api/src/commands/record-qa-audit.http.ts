import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { QA_AUDIT_ROLES } from '@ehcp/auth';
import {
  AUDITOR_ROLES,
  overallGradeOf,
  PLAN_VERSIONS,
  type AuditorRole,
  type PlanVersion,
} from '@ehcp/domain';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CommandIds } from '../idempotency/command-ids';
import { CaseIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import { QaAuditRecordedResponseDto } from './shared/command-response.dto';
import { DateField, EnumField, LONG_TEXT, SubResourceIdField, TextField } from './shared/dto-fields';
import { NestedField, QaSectionsDto } from './shared/shared.dto';

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

@ApiTags('case commands')
@Controller('cases')
export class RecordQaAuditController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly ids: CommandIds,
  ) {}

  @Post(':caseId/qa-audits')
  @CommandEndpoint({
    summary: 'Record a quality-assurance audit of a plan',
    description:
      'Grades each section; the overall grade is derived (weighted mean, capped at requires_improvement when B or F is inadequate). Returns `auditId` and `overallGrade`. ' +
      'Section I (placement) is `not_applicable` in an audit of a draft and graded otherwise: 400 QA_SECTION_GRADE_INVALID naming `sections.I` if not.',
    created: true,
    roles: QA_AUDIT_ROLES,
    body: RecordQaAuditDto,
    response: QaAuditRecordedResponseDto,
    example: {
      planVersion: 'final',
      auditedOn: '2025-06-02',
      auditorRole: 'qa_officer',
      sections: {
        A: 'good',
        B: 'good',
        C: 'not_applicable',
        D: 'not_applicable',
        E: 'requires_improvement',
        F: 'good',
        G: 'not_applicable',
        H1: 'not_applicable',
        H2: 'not_applicable',
        I: 'outstanding',
        J: 'not_applicable',
        K: 'good',
      },
      actions: 'Make outcomes in section E specific and measurable.',
    },
  })
  async recordQaAudit(
    @CaseIdParam() caseId: string,
    @Body() body: RecordQaAuditDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<QaAuditRecordedResponseDto> {
    const auditId = this.ids.idFor(context, 'auditId', body.auditId);
    const sections = { ...body.sections };
    const data = {
      auditId,
      planVersion: body.planVersion,
      auditedOn: body.auditedOn,
      auditorRole: body.auditorRole,
      sections,
      actions: body.actions ?? null,
    };
    const command = new CaseCommand(caseId, { type: 'RecordQaAudit', data }, context);
    const response = await this.commandBus.execute(command);
    // The domain's own derivation from the same sections: the decider has just recorded this grade.
    return { ...response, auditId, overallGrade: overallGradeOf(sections) };
  }
}

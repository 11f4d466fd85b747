import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { QA_AUDIT_ROLES } from '@ehcp/auth';
import { CommandContext, type CommandRequestContext } from '../../http/command-context.decorator';
import { CaseIdParam } from '../../validation/ids';
import { CommandEndpoint } from '../shared/command-endpoint.decorator';
import { QaAuditRecordedResponseDto } from '../shared/command-response.dto';
import { RecordQaAuditCommand } from './record-qa-audit.command';
import { RecordQaAuditDto } from './record-qa-audit.dto';

@ApiTags('case commands')
@Controller('cases')
export class RecordQaAuditController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/qa-audits')
  @CommandEndpoint({
    summary: 'Record a quality-assurance audit of a plan',
    description:
      'Grades each section; the overall grade is derived (weighted mean, capped at requires_improvement when B or F is inadequate). Returns `auditId` and `overallGrade`.',
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
  recordQaAudit(
    @CaseIdParam() caseId: string,
    @Body() body: RecordQaAuditDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<QaAuditRecordedResponseDto> {
    return this.commandBus.execute(new RecordQaAuditCommand(caseId, body, context));
  }
}

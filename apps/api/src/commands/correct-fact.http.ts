import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, Min } from 'class-validator';
import { CASE_COMMAND_ROLES, QA_AUDIT_ROLES } from '@ehcp/auth';
import { CORRECTION_ACTIONS, type CorrectionAction } from '@ehcp/domain';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CommandIds } from '../idempotency/command-ids';
import { CaseIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import { CorrectionRecordedResponseDto } from './shared/command-response.dto';
import { EnumField, LONG_TEXT, SubResourceIdField, TextField } from './shared/dto-fields';

export class CorrectFactDto {
  @SubResourceIdField('The correction id.')
  correctionId?: string;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 7,
    description: 'The revision of the event corrected, as GET /cases/{caseId}/events numbers it.',
  })
  @IsInt()
  @Min(0)
  revision!: number;

  @EnumField(CORRECTION_ACTIONS, 'CorrectionAction', {
    example: 'correct',
    description:
      '`correct`: new values for some of its fields; `void`: recorded in error, as if never recorded.',
  })
  action!: CorrectionAction;

  @ApiPropertyOptional({
    type: 'object',
    nullable: true,
    additionalProperties: { oneOf: [{ type: 'string', nullable: true }, { type: 'integer' }] },
    example: { issuedOn: '2025-05-27' },
    description:
      "For `correct`: field -> new value, only the event's dates (YYYY-MM-DD, `null` clears an exception's " +
      "`endedOn`), choices (e.g. `decision`, `reason`, a QA audit's `sections.B`) and a transfer's `transferYear`; " +
      'never ids, the team or personal data (400 CORRECTION_FIELD_NOT_CORRECTABLE naming `changes.<field>`). Omit for `void`.',
  })
  @IsOptional()
  @IsObject()
  changes?: Record<string, unknown> | null;

  @TextField(LONG_TEXT, { example: 'Final plan issued on the 27th; the 20th was typed.' })
  reason!: string;
}

@ApiTags('case commands')
@Controller('cases')
export class CorrectFactController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly ids: CommandIds,
  ) {}

  @Post(':caseId/corrections')
  @CommandEndpoint({
    summary: 'Correct or void a recorded fact',
    description:
      'DOMAIN.md "Corrections": the event at `revision` is corrected (a date or a choice) or voided as recorded in ' +
      'error. The history keeps both (GET /cases/{caseId}/events); stage, deadlines, SEN2 and QA are recomputed as ' +
      'if the corrected value had been recorded in the first place. A correction that would make the history ' +
      "invalid is refused with the original command's code (e.g. 409 FINAL_PLAN_INSIDE_REPRESENTATION_WINDOW, " +
      'DATE_BEFORE_REQUEST). Also 400 CORRECTION_REASON_REQUIRED, CORRECTION_CHANGES_INVALID, ' +
      'CORRECTION_FIELD_NOT_CORRECTABLE, CORRECTION_VALUE_INVALID; 404 CORRECTION_TARGET_NOT_FOUND; 409 ' +
      'CORRECTION_NOT_ALLOWED (a correction, a voided fact, voiding the request or an erasure), ' +
      'CORRECTION_ALREADY_EXISTS. A QA audit is corrected by its roles (qa_officer, admin), any other fact by ' +
      'caseworker or admin (else 403 FORBIDDEN_ROLE). Returns `correctionId`.',
    created: true,
    roles: [...new Set([...CASE_COMMAND_ROLES, ...QA_AUDIT_ROLES])],
    body: CorrectFactDto,
    response: CorrectionRecordedResponseDto,
    example: {
      revision: 7,
      action: 'correct',
      changes: { issuedOn: '2025-05-27' },
      reason: 'Final plan issued on the 27th; the 20th was typed.',
    },
  })
  async correctFact(
    @CaseIdParam() caseId: string,
    @Body() body: CorrectFactDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CorrectionRecordedResponseDto> {
    const correctionId = this.ids.idFor(context, 'correctionId', body.correctionId);
    const data = {
      correctionId,
      revision: body.revision,
      action: body.action,
      changes: body.changes ?? null,
      reason: body.reason,
    };
    const command = new CaseCommand(caseId, { type: 'CorrectFact', data }, context);
    return { ...(await this.commandBus.execute(command)), correctionId };
  }
}

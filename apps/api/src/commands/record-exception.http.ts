import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { EXCEPTION_REASONS, type ExceptionReason } from '@ehcp/domain';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CommandIds } from '../idempotency/command-ids';
import { CaseIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import { ExceptionRecordedResponseDto } from './shared/command-response.dto';
import { DateField, EnumField, LONG_TEXT, SubResourceIdField, TextField } from './shared/dto-fields';

export class RecordExceptionDto {
  @SubResourceIdField('The exception id.')
  exceptionId?: string;

  @EnumField(EXCEPTION_REASONS, 'ExceptionReason', { example: 'exceptional_personal_circumstances' })
  reason!: ExceptionReason;

  @DateField({ example: '2025-03-01' })
  startedOn!: string;

  @DateField({ optional: true, example: '2025-03-20', description: 'Omit while it lasts.' })
  endedOn?: string | null;

  @TextField(LONG_TEXT, { optional: true, example: 'Family bereavement' })
  note?: string | null;
}

@ApiTags('case commands')
@Controller('cases')
export class RecordExceptionController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly ids: CommandIds,
  ) {}

  @Post(':caseId/exceptions')
  @CommandEndpoint({
    summary: 'Record a timescale exception',
    description:
      'Reg 10(4) (and 5(4), 8(2), 13(3)) exceptions never stop a clock; they mark "exception applies" on the deadlines whose statutory period (clock start to the earlier of due and met) they overlap. An absence from the area needs 28 days inside that period; a closure (started on the first day closed, ended on the day it re-opens) needs an advice request to such a setting from 7 days before it to 7 days before the re-opening. Returns `exceptionId`.',
    created: true,
    body: RecordExceptionDto,
    response: ExceptionRecordedResponseDto,
    example: {
      reason: 'exceptional_personal_circumstances',
      startedOn: '2025-03-01',
      note: 'Family bereavement',
    },
  })
  async recordException(
    @CaseIdParam() caseId: string,
    @Body() body: RecordExceptionDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<ExceptionRecordedResponseDto> {
    const exceptionId = this.ids.idFor(context, 'exceptionId', body.exceptionId);
    const data = {
      exceptionId,
      reason: body.reason,
      startedOn: body.startedOn,
      endedOn: body.endedOn ?? null,
      note: body.note ?? null,
    };
    const command = new CaseCommand(caseId, { type: 'RecordException', data }, context);
    return { ...(await this.commandBus.execute(command)), exceptionId };
  }
}

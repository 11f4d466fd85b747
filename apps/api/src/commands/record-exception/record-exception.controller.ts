import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../../http/command-context.decorator';
import { CaseIdParam } from '../../validation/ids';
import { CommandEndpoint } from '../shared/command-endpoint.decorator';
import { ExceptionRecordedResponseDto } from '../shared/command-response.dto';
import { RecordExceptionCommand } from './record-exception.command';
import { RecordExceptionDto } from './record-exception.dto';

@ApiTags('case commands')
@Controller('cases')
export class RecordExceptionController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/exceptions')
  @CommandEndpoint({
    summary: 'Record a timescale exception',
    description:
      'Reg 10(4) (and 5(4), 8(2), 13(3)) exceptions never stop a clock; they mark overlapping deadlines "exception applies". Returns `exceptionId`.',
    created: true,
    body: RecordExceptionDto,
    response: ExceptionRecordedResponseDto,
    example: {
      reason: 'exceptional_personal_circumstances',
      startedOn: '2025-03-01',
      note: 'Family bereavement',
    },
  })
  recordException(
    @CaseIdParam() caseId: string,
    @Body() body: RecordExceptionDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<ExceptionRecordedResponseDto> {
    return this.commandBus.execute(new RecordExceptionCommand(caseId, body, context));
  }
}

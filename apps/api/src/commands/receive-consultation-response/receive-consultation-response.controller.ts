import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../../http/command-context.decorator';
import { CaseIdParam, SubResourceIdParam } from '../../validation/ids';
import { CommandEndpoint } from '../shared/command-endpoint.decorator';
import type { CommandResponseDto } from '../shared/command-response.dto';
import { ReceiveConsultationResponseCommand } from './receive-consultation-response.command';
import { ReceiveConsultationResponseDto } from './receive-consultation-response.dto';

@ApiTags('case commands')
@Controller('cases')
export class ReceiveConsultationResponseController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/consultations/:consultationId/response')
  @CommandEndpoint({
    summary: "Record an institution's response",
    body: ReceiveConsultationResponseDto,
    params: [{ name: 'consultationId', description: 'The consultation, as returned by POST consultations' }],
    example: { receivedOn: '2025-05-01', outcome: 'can_meet_needs' },
  })
  receiveConsultationResponse(
    @CaseIdParam() caseId: string,
    @SubResourceIdParam('consultationId') consultationId: string,
    @Body() body: ReceiveConsultationResponseDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    return this.commandBus.execute(
      new ReceiveConsultationResponseCommand(caseId, consultationId, body, context),
    );
  }
}

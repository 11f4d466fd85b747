import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CONSULTATION_OUTCOMES, type ConsultationOutcome } from '@ehcp/domain';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CaseIdParam, SubResourceIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import type { CommandResponseDto } from './shared/command-response.dto';
import { DateField, EnumField } from './shared/dto-fields';

export class ReceiveConsultationResponseDto {
  @DateField({ example: '2025-05-01' })
  receivedOn!: string;

  @EnumField(CONSULTATION_OUTCOMES, 'ConsultationOutcome', { example: 'can_meet_needs' })
  outcome!: ConsultationOutcome;
}

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
    const data = { consultationId, receivedOn: body.receivedOn, outcome: body.outcome };
    return this.commandBus.execute(
      new CaseCommand(caseId, { type: 'ReceiveConsultationResponse', data }, context),
    );
  }
}

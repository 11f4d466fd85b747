import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../../http/command-context.decorator';
import { CaseIdParam } from '../../validation/ids';
import { CommandEndpoint } from '../shared/command-endpoint.decorator';
import { InstitutionConsultedResponseDto } from '../shared/command-response.dto';
import { ConsultInstitutionCommand } from './consult-institution.command';
import { ConsultInstitutionDto } from './consult-institution.dto';

@ApiTags('case commands')
@Controller('cases')
export class ConsultInstitutionController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/consultations')
  @CommandEndpoint({
    summary: 'Consult a school or institution',
    description: 'Opens a 15-day `consultation_response` deadline (CoP 9.83). Returns `consultationId`.',
    created: true,
    body: ConsultInstitutionDto,
    response: InstitutionConsultedResponseDto,
    example: { institution: 'Riverside Primary School', consultedOn: '2025-04-21' },
  })
  consultInstitution(
    @CaseIdParam() caseId: string,
    @Body() body: ConsultInstitutionDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<InstitutionConsultedResponseDto> {
    return this.commandBus.execute(new ConsultInstitutionCommand(caseId, body, context));
  }
}

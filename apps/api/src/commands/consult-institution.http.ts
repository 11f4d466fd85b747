import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CommandIds } from '../idempotency/command-ids';
import { CaseIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import { InstitutionConsultedResponseDto } from './shared/command-response.dto';
import { DateField, SHORT_TEXT, SubResourceIdField, TextField } from './shared/dto-fields';

export class ConsultInstitutionDto {
  @SubResourceIdField('The consultation id.')
  consultationId?: string;

  @TextField(SHORT_TEXT, { example: 'Riverside Primary School' })
  institution!: string;

  @DateField({ example: '2025-04-21' })
  consultedOn!: string;
}

@ApiTags('case commands')
@Controller('cases')
export class ConsultInstitutionController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly ids: CommandIds,
  ) {}

  @Post(':caseId/consultations')
  @CommandEndpoint({
    summary: 'Consult a school or institution',
    description: 'Opens a 15-day `consultation_response` deadline (CoP 9.83). Returns `consultationId`.',
    created: true,
    body: ConsultInstitutionDto,
    response: InstitutionConsultedResponseDto,
    example: { institution: 'Riverside Primary School', consultedOn: '2025-04-21' },
  })
  async consultInstitution(
    @CaseIdParam() caseId: string,
    @Body() body: ConsultInstitutionDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<InstitutionConsultedResponseDto> {
    const consultationId = this.ids.idFor(context, 'consultationId', body.consultationId);
    const data = { consultationId, institution: body.institution, consultedOn: body.consultedOn };
    const command = new CaseCommand(caseId, { type: 'ConsultInstitution', data }, context);
    return { ...(await this.commandBus.execute(command)), consultationId };
  }
}

import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CommandIds } from '../idempotency/command-ids';
import { CaseIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import { MediationStartedResponseDto } from './shared/command-response.dto';
import { DateField, SubResourceIdField } from './shared/dto-fields';

export class StartMediationDto {
  @SubResourceIdField('The mediation id.')
  mediationId?: string;

  @DateField({ example: '2026-03-16', description: 'The day the mediation started.' })
  startedOn!: string;
}

@ApiTags('case commands')
@Controller('cases')
export class StartMediationController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly ids: CommandIds,
  ) {}

  @Post(':caseId/mediations')
  @CommandEndpoint({
    summary: 'Record the start of a mediation',
    description:
      "(2nd ed.) A mediation (SEND Regs 2014 regs 33-37) opens no deadline of the LA's; a first plan issued on or after " +
      'its start is left out of the SEN2 20-week measures and counted in `plans_excluded_appeal`. Returns `mediationId`. ' +
      '404 CASE_NOT_FOUND; 409 MEDIATION_ALREADY_EXISTS (`mediationId` taken), 409 DATE_BEFORE_REQUEST, ' +
      '409 CASE_CLOSED; 400 VALIDATION_FAILED naming a date after today.',
    created: true,
    body: StartMediationDto,
    response: MediationStartedResponseDto,
    example: { startedOn: '2026-03-16' },
  })
  async startMediation(
    @CaseIdParam() caseId: string,
    @Body() body: StartMediationDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<MediationStartedResponseDto> {
    const mediationId = this.ids.idFor(context, 'mediationId', body.mediationId);
    const data = { mediationId, startedOn: body.startedOn };
    const command = new CaseCommand(caseId, { type: 'StartMediation', data }, context);
    return { ...(await this.commandBus.execute(command)), mediationId };
  }
}

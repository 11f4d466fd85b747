import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CaseIdParam, SubResourceIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import type { CommandResponseDto } from './shared/command-response.dto';
import { DateField } from './shared/dto-fields';

export class EndMediationDto {
  @DateField({ example: '2026-04-13', description: 'The day the mediation ended.' })
  endedOn!: string;
}

@ApiTags('case commands')
@Controller('cases')
export class EndMediationController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/mediations/:mediationId/end')
  @CommandEndpoint({
    summary: 'Record the end of a mediation',
    description:
      "(2nd ed.) Meets no deadline (regs 33-37 set none of the LA's here); the mediation still leaves a plan issued " +
      'after its start out of the SEN2 20-week measures. ' +
      '404 CASE_NOT_FOUND, 404 MEDIATION_NOT_FOUND; 409 MEDIATION_ALREADY_ENDED, 409 MEDIATION_END_BEFORE_START, ' +
      '409 CASE_CLOSED; 400 VALIDATION_FAILED naming a date after today.',
    body: EndMediationDto,
    params: [{ name: 'mediationId', description: 'The mediation, as returned by POST mediations' }],
    example: { endedOn: '2026-04-13' },
  })
  endMediation(
    @CaseIdParam() caseId: string,
    @SubResourceIdParam('mediationId') mediationId: string,
    @Body() body: EndMediationDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    const data = { mediationId, endedOn: body.endedOn };
    return this.commandBus.execute(new CaseCommand(caseId, { type: 'EndMediation', data }, context));
  }
}

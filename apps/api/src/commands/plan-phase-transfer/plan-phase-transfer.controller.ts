import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../../http/command-context.decorator';
import { CaseIdParam } from '../../validation/ids';
import { CommandEndpoint } from '../shared/command-endpoint.decorator';
import { PhaseTransferPlannedResponseDto } from '../shared/command-response.dto';
import { PlanPhaseTransferCommand } from './plan-phase-transfer.command';
import { PlanPhaseTransferDto } from './plan-phase-transfer.dto';

@ApiTags('case commands')
@Controller('cases')
export class PlanPhaseTransferController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/phase-transfers')
  @CommandEndpoint({
    summary: 'Plan a phase transfer',
    description:
      'Opens `phase_transfer`: the amended plan naming the new placement is due by 15 February (school phase) or 31 March (post-16) of `transferYear` (reg 18(1)). Returns `transferId`.',
    created: true,
    body: PlanPhaseTransferDto,
    response: PhaseTransferPlannedResponseDto,
    example: { kind: 'school_phase', transferYear: 2028 },
  })
  planPhaseTransfer(
    @CaseIdParam() caseId: string,
    @Body() body: PlanPhaseTransferDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<PhaseTransferPlannedResponseDto> {
    return this.commandBus.execute(new PlanPhaseTransferCommand(caseId, body, context));
  }
}

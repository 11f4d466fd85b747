import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { PHASE_TRANSFER_KINDS, type PhaseTransferKind } from '@ehcp/domain';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CommandIds } from '../idempotency/command-ids';
import { CaseIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import { PhaseTransferPlannedResponseDto } from './shared/command-response.dto';
import { EnumField, SubResourceIdField } from './shared/dto-fields';

export class PlanPhaseTransferDto {
  @SubResourceIdField('The phase transfer id.')
  transferId?: string;

  @EnumField(PHASE_TRANSFER_KINDS, 'PhaseTransferKind', { example: 'school_phase' })
  kind!: PhaseTransferKind;

  @ApiProperty({
    type: 'integer',
    minimum: 2000,
    maximum: 2100,
    example: 2028,
    description: 'The calendar year of the transfer.',
  })
  @IsInt()
  @Min(2000)
  @Max(2100)
  transferYear!: number;
}

@ApiTags('case commands')
@Controller('cases')
export class PlanPhaseTransferController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly ids: CommandIds,
  ) {}

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
  async planPhaseTransfer(
    @CaseIdParam() caseId: string,
    @Body() body: PlanPhaseTransferDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<PhaseTransferPlannedResponseDto> {
    const transferId = this.ids.idFor(context, 'transferId', body.transferId);
    const data = { transferId, kind: body.kind, transferYear: body.transferYear };
    const command = new CaseCommand(caseId, { type: 'PlanPhaseTransfer', data }, context);
    return { ...(await this.commandBus.execute(command)), transferId };
  }
}

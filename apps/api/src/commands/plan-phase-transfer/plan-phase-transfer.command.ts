import { Command } from '@nestjs/cqrs';
import type { CommandRequestContext } from '../../http/command-context.decorator';
import type { PhaseTransferPlannedResponseDto } from '../shared/command-response.dto';
import type { PlanPhaseTransferDto } from './plan-phase-transfer.dto';

export class PlanPhaseTransferCommand extends Command<PhaseTransferPlannedResponseDto> {
  constructor(
    readonly caseId: string,
    readonly body: PlanPhaseTransferDto,
    readonly context: CommandRequestContext,
  ) {
    super();
  }
}

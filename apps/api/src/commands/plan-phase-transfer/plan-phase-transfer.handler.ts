import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandIds } from '../../idempotency/command-ids';
import { CaseCommandExecutor } from '../shared/case-command.executor';
import type { PhaseTransferPlannedResponseDto } from '../shared/command-response.dto';
import { responseOf } from '../shared/command-response';
import { PlanPhaseTransferCommand } from './plan-phase-transfer.command';

@CommandHandler(PlanPhaseTransferCommand)
export class PlanPhaseTransferHandler implements ICommandHandler<
  PlanPhaseTransferCommand,
  PhaseTransferPlannedResponseDto
> {
  constructor(
    private readonly cases: CaseCommandExecutor,
    private readonly ids: CommandIds,
  ) {}

  async execute({
    caseId,
    body,
    context,
  }: PlanPhaseTransferCommand): Promise<PhaseTransferPlannedResponseDto> {
    const transferId = this.ids.idFor(context, 'transferId', body.transferId);
    const outcome = await this.cases.execute(caseId, context, {
      type: 'PlanPhaseTransfer',
      data: { transferId, kind: body.kind, transferYear: body.transferYear },
    });
    return { ...responseOf(outcome), transferId };
  }
}

import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { PHASE_TRANSFER_KINDS, type PhaseTransferKind } from '@ehcp/domain';
import { EnumField, SubResourceIdField } from '../shared/dto-fields';

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

import { CLOSURE_REASONS, type ClosureReason } from '@ehcp/domain';
import { DateField, EnumField } from '../shared/dto-fields';

export class CloseCaseDto {
  @DateField({ example: '2025-01-20' })
  closedOn!: string;

  @EnumField(CLOSURE_REASONS, 'ClosureReason', { example: 'request_withdrawn' })
  reason!: ClosureReason;
}

import { CONSULTATION_OUTCOMES, type ConsultationOutcome } from '@ehcp/domain';
import { DateField, EnumField } from '../shared/dto-fields';

export class ReceiveConsultationResponseDto {
  @DateField({ example: '2025-05-01' })
  receivedOn!: string;

  @EnumField(CONSULTATION_OUTCOMES, 'ConsultationOutcome', { example: 'can_meet_needs' })
  outcome!: ConsultationOutcome;
}

import { ASSESSMENT_DECISIONS, type AssessmentDecision } from '@ehcp/domain';
import { DateField, EnumField } from '../shared/dto-fields';

export class DecideAssessmentDto {
  @EnumField(ASSESSMENT_DECISIONS, 'AssessmentDecision', { example: 'assess' })
  decision!: AssessmentDecision;

  @DateField({ example: '2025-02-10' })
  decidedOn!: string;
}

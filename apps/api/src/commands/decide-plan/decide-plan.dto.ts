import { PLAN_DECISIONS, type PlanDecision } from '@ehcp/domain';
import { DateField, EnumField } from '../shared/dto-fields';

export class DecidePlanDto {
  @EnumField(PLAN_DECISIONS, 'PlanDecision', { example: 'issue' })
  decision!: PlanDecision;

  @DateField({ example: '2025-04-07' })
  decidedOn!: string;
}

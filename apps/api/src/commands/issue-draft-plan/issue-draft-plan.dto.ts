import { DateField } from '../shared/dto-fields';

export class IssueDraftPlanDto {
  @DateField({ example: '2025-04-14' })
  issuedOn!: string;
}

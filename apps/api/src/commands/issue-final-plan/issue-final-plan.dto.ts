import { DateField } from '../shared/dto-fields';
import { NestedField, PlacementDto } from '../shared/shared.dto';

export class IssueFinalPlanDto {
  @DateField({ example: '2025-05-19' })
  issuedOn!: string;

  @NestedField(() => PlacementDto, { description: 'Section I: the named placement.' })
  placement!: PlacementDto;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { DateField } from '../shared/dto-fields';
import { NestedField, PlacementDto } from '../shared/shared.dto';
import { IsSubResourceId, SUB_RESOURCE_ID_PATTERN } from '../../validation/ids';

export class IssueAmendedPlanDto {
  @ApiProperty({
    type: String,
    pattern: SUB_RESOURCE_ID_PATTERN.source,
    description: 'The amendment notice it follows.',
  })
  @IsString()
  @IsSubResourceId()
  noticeId!: string;

  @DateField({ example: '2026-07-01' })
  issuedOn!: string;

  @NestedField(() => PlacementDto, {
    optional: true,
    description: 'A new section I placement, if it changes.',
  })
  placement?: PlacementDto | null;
}

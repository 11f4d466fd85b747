import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { REQUESTERS, type Requester } from '@ehcp/domain';
import { DateField, DateOfBirthField, EnumField, SHORT_TEXT, TextField } from '../shared/dto-fields';
import { NestedField } from '../shared/shared.dto';
import { IsCaseId } from '../../validation/ids';

/** Team codes: short slugs such as `north`. */
export const TEAM_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,49}$/;

/** The child: special-category personal data, encrypted with the case's own key and erasable. */
export class ChildDto {
  @TextField(SHORT_TEXT, { example: 'Amelia' })
  firstName!: string;

  @TextField(SHORT_TEXT, { example: 'Khan' })
  lastName!: string;

  @DateOfBirthField({ example: '2016-04-12', description: "The child's date of birth." })
  dateOfBirth!: string;
}

export class ReceiveRequestDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    required: false,
    description:
      'Choose the case id, or omit it: the API generates one (derived from the Idempotency-Key when sent). ' +
      'Any letter case; stored and answered in lower case.',
  })
  @IsOptional()
  @IsCaseId()
  caseId?: string;

  @TextField(100, { optional: true, example: 'EHC-2025-0042', description: "The council's own reference." })
  reference?: string | null;

  @ApiProperty({
    type: String,
    pattern: TEAM_PATTERN.source,
    example: 'north',
    description: 'The team that owns the case.',
  })
  @IsString()
  @Matches(TEAM_PATTERN, {
    message: '$property must be a team code: letters, digits, "-" or "_", at most 50',
  })
  team!: string;

  @DateField({ example: '2025-01-06', description: 'The day the request was received.' })
  requestReceivedOn!: string;

  @EnumField(REQUESTERS, 'Requester', { example: 'parent' })
  requestedBy!: Requester;

  @NestedField(() => ChildDto, { description: 'The child (personal data).' })
  child!: ChildDto;

  @TextField(SHORT_TEXT, { optional: true, example: 'caseworker-7', description: 'The assigned caseworker.' })
  caseworkerId?: string | null;
}

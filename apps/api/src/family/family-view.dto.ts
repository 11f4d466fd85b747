import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { CASE_STAGES, DEADLINE_KINDS, DEADLINE_STATUSES, VIEWS_METHODS, VIEWS_STAGES } from '@ehcp/domain';

/** POST /family/view: the token travels in the body, so it stays out of URLs in access logs. */
export class FamilyViewRequestDto {
  @ApiProperty({
    type: String,
    example: '3q2-7wEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    description:
      "The token from the family's link (`/family/<token>`). Anything that is not one of ours is 404.",
  })
  @IsString()
  token!: string;
}

export class FamilyTeamDto {
  @ApiProperty({ example: 'north' }) code!: string;
  @ApiProperty({ example: 'North team', description: 'Its display name (TEAMS), else the code' })
  name!: string;
}

/** One statutory step of the case, as the family's page tells it. */
export class FamilyStepDto {
  @ApiProperty({ example: 'decision_to_assess', description: 'Stable within the case' }) id!: string;
  @ApiProperty({ enum: DEADLINE_KINDS, enumName: 'DeadlineKind', description: 'The statutory time limit' })
  kind!: string;
  @ApiProperty({ example: 'Decide whether to assess', description: 'What the council has to do' })
  title!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The advice request, review... it belongs to' })
  ref!: string | null;

  @ApiProperty({ format: 'date', description: 'The day the clock started' }) startsOn!: string;
  @ApiProperty({ format: 'date', description: 'The day the law says it must be done by' }) dueOn!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The day it was done' })
  metOn!: string | null;

  @ApiProperty({ enum: DEADLINE_STATUSES, enumName: 'DeadlineStatus', description: 'On asOf' })
  status!: string;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 1,
    description: 'Days late: done after the due day, or still not done on asOf past it; else null',
  })
  daysLate!: number | null;

  @ApiProperty({ description: 'An exception the law allows applies, so the step may take longer' })
  exceptionApplies!: boolean;
}

/** The child's or young person's views on the record, and their summary (null once erased). */
export class FamilyViewsDto {
  @ApiProperty({ format: 'date' }) gatheredOn!: string;
  @ApiProperty({ enum: VIEWS_METHODS, enumName: 'ViewsMethod', description: 'How they were gathered' })
  method!: string;
  @ApiProperty({ enum: VIEWS_STAGES, enumName: 'ViewsStage', description: 'What they were gathered for' })
  stage!: string;
  @ApiProperty({ type: String, nullable: true, description: 'In their own words, or null' })
  summary!: string | null;
}

/**
 * The family's page: their own case only, and nothing of the council's working (no caseworker, no
 * notes, no other personal data than the child's first name).
 */
export class FamilyViewDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'EHC-2025-0042',
    description: "The council's reference",
  })
  reference!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Amelia', description: 'Null once erased' })
  childFirstName!: string | null;

  @ApiProperty({ type: FamilyTeamDto, description: 'The team looking after the case' }) team!: FamilyTeamDto;
  @ApiProperty({ enum: CASE_STAGES, enumName: 'CaseStage', description: 'Where the case is, on asOf' })
  stage!: string;

  @ApiProperty({ format: 'date', description: 'Today (Europe/London): what the statuses are judged on' })
  asOf!: string;

  @ApiProperty({ format: 'date', description: 'The last day this link works' }) expiresOn!: string;
  @ApiProperty({ type: [FamilyStepDto], description: 'In due order; cancelled steps left out' })
  steps!: FamilyStepDto[];

  @ApiProperty({ type: [FamilyViewsDto], description: 'In the order gathered' })
  views!: FamilyViewsDto[];
}

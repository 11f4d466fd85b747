import { ApiProperty } from '@nestjs/swagger';
import { PUBLISHED_COUNTS, PUBLISHED_PERCENTAGES } from '@ehcp/domain';
import { DashboardEnglandDto } from '../queries/dashboard.dto';

const PERCENTAGES = Object.keys(PUBLISHED_PERCENTAGES);

const count = (description: string) =>
  ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 0,
    description: `${description}; null when suppressed (see \`suppressed\`)`,
  });
const percentage = (description: string) =>
  ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 100,
    description: `${description}; one decimal; null with nothing to count or when withheld (see \`withheld\`)`,
  });

/**
 * One row of published figures (GET /timeliness/monthly's for these measures), after disclosure
 * control: a count of 1 to 4 is suppressed, and so is any count that would give one away by
 * subtraction; a percentage built on a suppressed count is withheld.
 */
export class PublishedRowDto {
  @count('New plans issued') plans_issued_den!: number | null;
  @count('Of those, issued within 20 weeks') plans_issued_within_20_weeks!: number | null;
  @percentage('Percentage within 20 weeks') pc_plans_issued_within_20_weeks!: number | null;
  @count('New plans with no exception applying') plans_issued_den_ex!: number | null;
  @count('Of those, issued within 20 weeks') plans_issued_20_weeks_ex!: number | null;
  @percentage('Percentage within 20 weeks, exceptions excluded') pc_plans_issued_20_weeks_ex!: number | null;
  @count('Decisions whether to assess') requests_decided!: number | null;
  @count('Of those, made within 6 weeks') requests_decided_within_6_weeks!: number | null;
  @percentage('Percentage decided within 6 weeks') pc_requests_decided_within_6_weeks!: number | null;
  @count('Annual reviews due') reviews_due!: number | null;
  @count('Of those, completed on time') reviews_completed_on_time!: number | null;
  @percentage('Percentage completed on time') pc_reviews_completed_on_time!: number | null;

  @ApiProperty({
    enum: PUBLISHED_COUNTS,
    enumName: 'PublishedCount',
    isArray: true,
    description:
      'Counts nulled: "fewer than 5" (1 to 4), or, when also in `secondary`, 5 or more nulled to protect one that is',
  })
  suppressed!: string[];

  @ApiProperty({
    enum: PUBLISHED_COUNTS,
    enumName: 'PublishedCount',
    isArray: true,
    description:
      'Of `suppressed`, the counts of 5 or more, nulled only so that no small count can be worked out by subtraction',
  })
  secondary!: string[];

  @ApiProperty({
    enum: PERCENTAGES,
    enumName: 'PublishedPercentage',
    isArray: true,
    description: 'Percentages nulled because a count they are built on is suppressed',
  })
  withheld!: string[];
}

export class PublishedTeamRowDto extends PublishedRowDto {
  @ApiProperty({ example: 'north', description: 'Team code' }) team!: string;
  @ApiProperty({ example: 'North team', description: 'Its display name (TEAMS), else the code' })
  name!: string;
}

export class PublishedMonthDto {
  @ApiProperty({
    example: '2026-01',
    description: 'Calendar month (the first and last clipped to the period)',
  })
  month!: string;
  @ApiProperty({ type: PublishedRowDto, description: 'The whole council' }) total!: PublishedRowDto;
  @ApiProperty({ type: [PublishedTeamRowDto], description: 'Each team, in code order' })
  teams!: PublishedTeamRowDto[];
}

export class PublishedTotalsDto {
  @ApiProperty({ type: PublishedRowDto, description: 'The whole council over the period' })
  total!: PublishedRowDto;
  @ApiProperty({ type: [PublishedTeamRowDto], description: 'Each team over the period, in code order' })
  teams!: PublishedTeamRowDto[];
}

export class PublicPeriodDto {
  @ApiProperty({ format: 'date', description: 'First day (inclusive)' }) from!: string;
  @ApiProperty({ format: 'date', description: 'Last day (inclusive)' }) to!: string;
}

export class CouncilDto {
  @ApiProperty({ example: 'Exampleshire County Council', description: 'COUNCIL_NAME' }) name!: string;
}

/** GET /public/timeliness: the council's published timeliness, with no personal data. */
export class PublicTimelinessDto {
  @ApiProperty({ type: PublicPeriodDto }) period!: PublicPeriodDto;
  @ApiProperty({ type: CouncilDto }) council!: CouncilDto;
  @ApiProperty({ type: DashboardEnglandDto, description: "England's published 20-week rates, to compare" })
  england!: DashboardEnglandDto;

  @ApiProperty({ type: [PublishedMonthDto], description: 'Every month of the period, oldest first' })
  months!: PublishedMonthDto[];

  @ApiProperty({ type: PublishedTotalsDto, description: 'The whole period' }) totals!: PublishedTotalsDto;
}

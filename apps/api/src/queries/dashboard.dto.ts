import { ApiProperty } from '@nestjs/swagger';
import { ADVICE_SOURCES, DEADLINE_KINDS } from '@ehcp/domain';
import { QaSummaryDto, Sen2ByTeamDto } from './timeliness.dto';

const count = (description: string) => ApiProperty({ type: 'integer', minimum: 0, description });
const nullableNumber = (description: string) => ApiProperty({ type: Number, nullable: true, description });

export class DashboardPeriodDto {
  @ApiProperty({ format: 'date', description: 'First day of the period' }) from!: string;
  @ApiProperty({ format: 'date', description: 'Last day of the period' }) to!: string;
  @ApiProperty({ format: 'date', description: 'The day deadlines are judged due soon or overdue on' })
  asOf!: string;

  @ApiProperty({ type: [String], nullable: true, description: 'The teams counted; null: every team (admin)' })
  teams!: string[] | null;
}

export class MonthlyRateDto {
  @ApiProperty({ example: '2025-01', description: 'Calendar month (the last clipped to `to`)' })
  month!: string;
  @count('New plans issued in the month') plans_issued_den!: number;
  @count('Of those, issued within 20 weeks') plans_issued_within_20_weeks!: number;
  @nullableNumber('Percentage within 20 weeks; one decimal, null with no plans')
  pc_plans_issued_within_20_weeks!: number | null;
}

export class TeamMonthlyRatesDto {
  @ApiProperty({ example: 'north' }) team!: string;
  @ApiProperty({ type: [MonthlyRateDto], description: 'Oldest month first' }) months!: MonthlyRateDto[];
}

export class DashboardMonthlyDto {
  @ApiProperty({ format: 'date', description: 'First day of the 24-month series' }) from!: string;
  @ApiProperty({ type: [TeamMonthlyRatesDto], description: 'Per team, in team-code order' })
  teams!: TeamMonthlyRatesDto[];

  @ApiProperty({ type: [MonthlyRateDto], description: 'All the chosen teams together' })
  total!: MonthlyRateDto[];
}

export class EnglandRateDto {
  @ApiProperty({ type: 'integer', example: 2024, description: 'Calendar year of issue' }) year!: number;
  @ApiProperty({ type: Number, description: 'England: % of new plans issued within 20 weeks' })
  pcPlansIssuedWithin20Weeks!: number;

  @nullableNumber('The same excluding exceptions, where published') pcPlansIssuedWithin20WeeksEx!:
    number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'New plans issued in England that year' })
  plansIssued!: number | null;
}

export class DashboardEnglandDto {
  @ApiProperty({ description: 'Where the figures come from' }) source!: string;
  @ApiProperty({ type: [EnglandRateDto] }) rates!: EnglandRateDto[];
}

export class AdviceOnTimeDto {
  @ApiProperty({ enum: ADVICE_SOURCES, enumName: 'AdviceSource', description: 'Who gives the advice' })
  source!: string;
  @count('Advice requests of this source due in the period, unless cancelled by their due date') due!: number;
  @count('Of those, received on or before the due date') met_on_time!: number;
  @nullableNumber('Percentage on time; one decimal, null when none was due') pc_met_on_time!: number | null;
}

export class StagesDto {
  @count('New plans issued in the period (as plans_issued_den)') plans_issued!: number;
  @nullableNumber('Median days from the request to the decision to assess; one decimal')
  median_days_to_decision!: number | null;

  @nullableNumber('Median days from the request to the draft plan; one decimal') median_days_to_draft!:
    number | null;

  @nullableNumber('Median days from the request to the final plan; one decimal') median_days_to_final!:
    number | null;

  @ApiProperty({ type: [AdviceOnTimeDto], description: 'Every advice source, zeros included' })
  advice!: AdviceOnTimeDto[];
}

export class TeamStagesDto extends StagesDto {
  @ApiProperty({ example: 'north' }) team!: string;
}

export class DashboardStagesDto {
  @ApiProperty({ type: [TeamStagesDto] }) teams!: TeamStagesDto[];
  @ApiProperty({ type: StagesDto, description: 'All the chosen teams together' }) total!: StagesDto;
}

export class DeadlineCountsDto {
  @ApiProperty({ enum: DEADLINE_KINDS, enumName: 'DeadlineKind', description: 'The statutory time limit' })
  kind!: string;
  @ApiProperty({ example: 'Decide whether to assess', description: 'The kind in plain words' })
  title!: string;
  @ApiProperty({ example: 'north' }) team!: string;
  @count('Open and due within the warning days of asOf (GET /deadlines?status=due_soon)') due_soon!: number;
  @count('Open and past their due date on asOf (GET /deadlines?status=overdue)') overdue!: number;
}

/** GET /timeliness/dashboard: everything the manager's dashboard shows, in one answer. */
export class DashboardDto {
  @ApiProperty({ type: DashboardPeriodDto }) period!: DashboardPeriodDto;
  @ApiProperty({
    type: DashboardMonthlyDto,
    description: 'The 20-week rate by month, as GET /timeliness/monthly',
  })
  monthly!: DashboardMonthlyDto;

  @ApiProperty({ type: Sen2ByTeamDto, description: 'GET /timeliness/sen2?by=team for the period' })
  sen2!: Sen2ByTeamDto;

  @ApiProperty({ type: DashboardEnglandDto, description: "England's published 20-week rates (DOMAIN.md)" })
  england!: DashboardEnglandDto;

  @ApiProperty({ type: DashboardStagesDto, description: 'Where the weeks go' }) stages!: DashboardStagesDto;
  @ApiProperty({ type: [DeadlineCountsDto], description: 'By kind, then team; kinds with none left out' })
  deadlines!: DeadlineCountsDto[];

  @ApiProperty({ type: QaSummaryDto, description: 'GET /qa/summary for the period' }) qa!: QaSummaryDto;
}

import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { TEAM_CODE_PATTERN } from '@ehcp/config';
import { EARLIEST_FACT_DATE } from '@ehcp/domain';
import { IsLocalDateFrom } from '../validation/local-date.decorator';
import { IsTeamCode, IsTeamCodes } from '../validation/team-code.decorator';

export const MAX_PAGE_SIZE = 200;
const TEXT = 200;

/** An optional page number (1-based) of a listing. */
export function PageParam(): PropertyDecorator {
  return integerParam({ type: 'integer', minimum: 1, default: 1 }, 1_000_000);
}

/** An optional page size of a listing, at most MAX_PAGE_SIZE. */
export function PageSizeParam(): PropertyDecorator {
  return integerParam({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 }, MAX_PAGE_SIZE);
}

// Query strings carry text: converted to a number first, then checked to be a whole number in range.
function integerParam(schema: ApiPropertyOptions, max: number): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional(schema),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(max),
  );
}

/**
 * An optional calendar date `YYYY-MM-DD`; unlike a command's dates, it may be in the future, but
 * not before EARLIEST_FACT_DATE (no fact is older; 0000-01-01 would reach PostgreSQL).
 */
export function DateParam(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      format: 'date',
      description: `${description}. From ${EARLIEST_FACT_DATE}.`,
    }),
    IsOptional(),
    IsLocalDateFrom(EARLIEST_FACT_DATE),
  );
}

/** An optional one of a closed vocabulary (the domain's arrays). */
export function EnumParam(
  values: readonly string[],
  enumName: string,
  description?: string,
): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ enum: values, enumName, description }),
    IsOptional(),
    IsIn(values),
  );
}

/** An optional short text (a caseworker id). */
export function TextParam(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, maxLength: TEXT, description }),
    IsOptional(),
    IsString(),
    MaxLength(TEXT),
    Matches(/\S/, { message: '$property must not be blank' }),
  );
}

/** An optional team code: when `TEAMS` is set, one of its codes, else 400 (API.md: before any 403). */
export function TeamParam(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, pattern: TEAM_CODE_PATTERN.source, maxLength: 50, description }),
    IsOptional(),
    IsTeamCode(),
  );
}

/** `minPosition`: read-your-writes (API.md). */
export class ConsistentQuery {
  @ApiPropertyOptional({
    type: String,
    maxLength: 100,
    example: '8123.4567',
    description:
      'The `position` a command returned: the answer waits (up to 5 s) until the read models include it, else 503 with Retry-After',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  minPosition?: string;
}

/** `team` of the user's teams (403 otherwise); omitted: all of them. */
export class TeamQuery extends ConsistentQuery {
  @TeamParam(
    "A team code: 400 when TEAMS is set and does not list it, 403 outside the user's teams. Omitted: all the user's teams (admin: all)",
  )
  team?: string;
}

export class PagedTeamQuery extends TeamQuery {
  @PageParam()
  page: number = 1;

  @PageSizeParam()
  pageSize: number = 50;
}

/** An inclusive period of dates; defaults to the twelve months ending today. */
export class PeriodQuery extends TeamQuery {
  @DateParam('First day of the period (inclusive). Default: one year before `to`, plus a day')
  from?: string;

  @DateParam('Last day of the period (inclusive). Default: today (Europe/London)')
  to?: string;
}

/** `GET /timeliness/sen2`: a period, and optionally one entry per team with the total (API.md). */
export class Sen2PeriodQuery extends PeriodQuery {
  @EnumParam(['team'], 'Sen2By', "`team`: `{ teams: [{ team, ...fields }], total }` over the user's teams")
  by?: 'team';
}

/** `GET /timeliness/dashboard`: a period, the teams (comma-separated), and the deadlines' date. */
export class DashboardQueryParams extends ConsistentQuery {
  @ApiPropertyOptional({
    type: String,
    example: 'north,south',
    description:
      "Team codes separated by commas: 400 when TEAMS is set and does not list one, 403 when one is outside the user's teams. Omitted: all the user's teams (admin: all)",
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((code) => code.trim()) : value,
  )
  @IsTeamCodes()
  team?: string[];

  @DateParam('First day of the period (inclusive). Default: one year before `to`, plus a day')
  from?: string;

  @DateParam(
    'Last day of the period (inclusive), and the last month of the 24-month series. Default: today (Europe/London)',
  )
  to?: string;

  @DateParam('The day the deadlines are judged due soon or overdue on. Default: today (Europe/London)')
  asOf?: string;
}

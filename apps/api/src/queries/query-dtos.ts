import {
  CASE_STAGES,
  DEADLINE_KINDS,
  DEADLINE_STATUSES,
  type CaseStage,
  type DeadlineKind,
  type DeadlineStatus,
} from '@ehcp/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ConsistentQuery, DateParam, EnumParam, PagedTeamQuery, TextParam } from './query-params';

const AS_OF = 'Evaluation date of the statuses. Default: today (Europe/London)';

/** GET /cases/{caseId}: its deadlines' statuses are evaluated, so it takes `asOf` (API.md). */
export class CaseQueryDto extends ConsistentQuery {
  @DateParam(AS_OF)
  asOf?: string;
}

export class WorkTrayQueryDto extends PagedTeamQuery {
  @TextParam('Only cases of this caseworker')
  caseworkerId?: string;

  @EnumParam(CASE_STAGES, 'CaseStage', 'Only cases at this stage')
  stage?: CaseStage;

  @DateParam(`${AS_OF}. The order (next open due date) does not depend on it`)
  asOf?: string;

  @ApiPropertyOptional({
    type: String,
    minLength: 1,
    maxLength: 100,
    example: "O'Neill",
    description:
      "(Issue 16) Search: finds the cases whose reference begins with it (case-insensitive), whose child was born on it (YYYY-MM-DD or D/M/YYYY), or whose child's first and last names hold every word of it (accents, case, hyphens and apostrophes ignored; whole name parts, so `neill` finds O'Neill, `nei` does not). The items then carry `child`",
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/\S/, { message: '$property must not be blank' })
  q?: string;
}

export class DeadlinesQueryDto extends PagedTeamQuery {
  @EnumParam(DEADLINE_STATUSES, 'DeadlineStatus', 'Status on `asOf`')
  status?: DeadlineStatus;

  @EnumParam(DEADLINE_KINDS, 'DeadlineKind')
  kind?: DeadlineKind;

  @DateParam(AS_OF)
  asOf?: string;
}

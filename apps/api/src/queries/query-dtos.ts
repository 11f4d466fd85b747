import {
  CASE_STAGES,
  DEADLINE_KINDS,
  DEADLINE_STATUSES,
  type CaseStage,
  type DeadlineKind,
  type DeadlineStatus,
} from '@ehcp/domain';
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
}

export class DeadlinesQueryDto extends PagedTeamQuery {
  @EnumParam(DEADLINE_STATUSES, 'DeadlineStatus', 'Status on `asOf`')
  status?: DeadlineStatus;

  @EnumParam(DEADLINE_KINDS, 'DeadlineKind')
  kind?: DeadlineKind;

  @DateParam(AS_OF)
  asOf?: string;
}

import {
  CASE_STAGES,
  DEADLINE_KINDS,
  DEADLINE_STATUSES,
  type CaseStage,
  type DeadlineKind,
  type DeadlineStatus,
} from '@ehcp/domain';
import { DateParam, EnumParam, PagedTeamQuery, TextParam } from './query-params';

export class WorkTrayQueryDto extends PagedTeamQuery {
  @TextParam('Only cases of this caseworker')
  caseworkerId?: string;

  @EnumParam(CASE_STAGES, 'CaseStage', 'Only cases at this stage')
  stage?: CaseStage;
}

export class DeadlinesQueryDto extends PagedTeamQuery {
  @EnumParam(DEADLINE_STATUSES, 'DeadlineStatus', 'Status on `asOf`')
  status?: DeadlineStatus;

  @EnumParam(DEADLINE_KINDS, 'DeadlineKind')
  kind?: DeadlineKind;

  @DateParam('Evaluation date of the statuses. Default: today (Europe/London)')
  asOf?: string;
}

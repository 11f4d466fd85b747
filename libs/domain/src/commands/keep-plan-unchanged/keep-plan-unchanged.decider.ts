import type { KeepPlanUnchanged } from '../../ehcp-case/ehcp-case.commands';
import type { EhcpCaseEvent } from '../../ehcp-case/ehcp-case.events';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';
import { DomainError } from '../../shared/domain-error';

/** SKELETON: to be written with its spec (issue 15). */
export function keepPlanUnchanged(_command: KeepPlanUnchanged, _state: EhcpCaseState): EhcpCaseEvent[] {
  throw new DomainError('CASE_NOT_FOUND', 'KeepPlanUnchanged is not implemented yet');
}

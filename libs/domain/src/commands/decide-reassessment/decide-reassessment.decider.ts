import type { DecideReassessment } from '../../ehcp-case/ehcp-case.commands';
import type { EhcpCaseEvent } from '../../ehcp-case/ehcp-case.events';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';
import { DomainError } from '../../shared/domain-error';

/** SKELETON: to be written with its spec (issue 15). */
export function decideReassessment(_command: DecideReassessment, _state: EhcpCaseState): EhcpCaseEvent[] {
  throw new DomainError('CASE_NOT_FOUND', 'DecideReassessment is not implemented yet');
}

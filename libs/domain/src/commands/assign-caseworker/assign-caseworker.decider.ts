import type { AssignCaseworker } from '../../ehcp-case/ehcp-case.commands';
import type { CaseworkerAssigned } from '../../ehcp-case/ehcp-case.events';
import {
  requireCase,
  requireNotBefore,
  requirePastDate,
  requireStage,
  stagesExcept,
} from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

/** (Re)assigns the case; allowed at any stage until the case is closed. */
export function assignCaseworker(
  { data, today }: AssignCaseworker,
  state: EhcpCaseState,
): [CaseworkerAssigned] {
  const current = requireCase(state);
  const assignedOn = requirePastDate(data.assignedOn, 'assignedOn', today);
  requireStage(current, { allowed: stagesExcept('closed') });
  requireNotBefore(assignedOn, current.requestReceivedOn, [
    'DATE_BEFORE_REQUEST',
    'Assigned before the request',
  ]);
  return [{ type: 'CaseworkerAssigned', data: { caseworkerId: data.caseworkerId, assignedOn } }];
}

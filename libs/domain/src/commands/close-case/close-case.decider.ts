import type { CloseCase } from '../../ehcp-case/ehcp-case.commands';
import type { CaseClosed } from '../../ehcp-case/ehcp-case.events';
import {
  requireCase,
  requireNotBefore,
  requirePastDate,
  requireStage,
  stagesExcept,
} from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

/**
 * Closure (request withdrawn, moved out of area, ...) from any stage, including after a refusal, a
 * decision not to issue or cessation; every open deadline is cancelled on that date.
 */
export function closeCase({ data, today }: CloseCase, state: EhcpCaseState): [CaseClosed] {
  const current = requireCase(state);
  const closedOn = requirePastDate(data.closedOn, 'closedOn', today);
  requireStage(current, { allowed: stagesExcept('closed') });
  requireNotBefore(closedOn, current.lastFactOn, [
    'DATE_BEFORE_LAST_FACT',
    'Closure dated before the latest recorded fact',
  ]);
  return [{ type: 'CaseClosed', data: { closedOn, reason: data.reason } }];
}

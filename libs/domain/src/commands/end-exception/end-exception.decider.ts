import type { EndException } from '../../ehcp-case/ehcp-case.commands';
import type { TimescaleExceptionEnded } from '../../ehcp-case/ehcp-case.events';
import {
  refuse,
  requireCase,
  requireFound,
  requireNotBefore,
  requirePastDate,
} from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

/** Ends an open-ended exception; like recording one, allowed at any stage. */
export function endException({ data, today }: EndException, state: EhcpCaseState): [TimescaleExceptionEnded] {
  const current = requireCase(state);
  const endedOn = requirePastDate(data.endedOn, 'endedOn', today);
  const exception = requireFound(
    current.exceptions.find((e) => e.exceptionId === data.exceptionId),
    'EXCEPTION_NOT_FOUND',
    `Exception ${data.exceptionId}`,
  );
  if (exception.endedOn !== null) {
    refuse([
      'EXCEPTION_ALREADY_ENDED',
      `Exception ${data.exceptionId} already ended on ${exception.endedOn}`,
    ]);
  }
  requireNotBefore(endedOn, exception.startedOn, [
    'EXCEPTION_END_BEFORE_START',
    'Exception ends before it starts',
  ]);
  return [{ type: 'TimescaleExceptionEnded', data: { exceptionId: data.exceptionId, endedOn } }];
}

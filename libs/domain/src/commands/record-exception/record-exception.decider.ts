import type { RecordException } from '../../ehcp-case/ehcp-case.commands';
import type { TimescaleExceptionRecorded } from '../../ehcp-case/ehcp-case.events';
import {
  requireCase,
  requireNewId,
  requireNotBefore,
  requireOptionalPastDate,
  requirePastDate,
} from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

/**
 * A timescale exception (reg 5(4), 8(2), 10(4), 13(3)) can be recorded at any time, even on an ended
 * case (DOMAIN.md). It may start before the request: an absence can predate it.
 */
export function recordException(
  { data, today }: RecordException,
  state: EhcpCaseState,
): [TimescaleExceptionRecorded] {
  const current = requireCase(state);
  const startedOn = requirePastDate(data.startedOn, 'startedOn', today);
  const endedOn = requireOptionalPastDate(data.endedOn, 'endedOn', today);
  requireNewId(
    current.exceptions.some((e) => e.exceptionId === data.exceptionId),
    'EXCEPTION_ALREADY_EXISTS',
    `Exception ${data.exceptionId}`,
  );
  if (endedOn !== null)
    requireNotBefore(endedOn, startedOn, ['EXCEPTION_END_BEFORE_START', 'Exception ends before it starts']);
  return [
    {
      type: 'TimescaleExceptionRecorded',
      data: {
        exceptionId: data.exceptionId,
        reason: data.reason,
        startedOn,
        endedOn,
        note: data.note ?? null,
      },
    },
  ];
}

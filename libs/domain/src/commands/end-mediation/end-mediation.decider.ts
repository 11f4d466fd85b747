import type { EndMediation } from '../../ehcp-case/ehcp-case.commands';
import type { MediationEnded } from '../../ehcp-case/ehcp-case.events';
import {
  refuse,
  requireCase,
  requireFound,
  requireNotBefore,
  requirePastDate,
  requireStage,
  stagesExcept,
} from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

/** (2nd ed.) SEND Regs 2014 regs 33-37: a mediation ends (once, not before it started); any stage of an open case. */
export function endMediation({ data, today }: EndMediation, state: EhcpCaseState): [MediationEnded] {
  const current = requireCase(state);
  const endedOn = requirePastDate(data.endedOn, 'endedOn', today);
  requireStage(current, { allowed: stagesExcept('closed') });
  const mediation = requireFound(
    current.mediations.find((m) => m.mediationId === data.mediationId),
    'MEDIATION_NOT_FOUND',
    `Mediation ${data.mediationId}`,
  );
  if (mediation.endedOn !== null)
    refuse([
      'MEDIATION_ALREADY_ENDED',
      `Mediation ${data.mediationId} already ended on ${mediation.endedOn}`,
    ]);
  requireNotBefore(endedOn, mediation.startedOn, [
    'MEDIATION_END_BEFORE_START',
    'Mediation ends before it started',
  ]);
  return [{ type: 'MediationEnded', data: { mediationId: data.mediationId, endedOn } }];
}

import type { StartMediation } from '../../ehcp-case/ehcp-case.commands';
import type { MediationStarted } from '../../ehcp-case/ehcp-case.events';
import {
  requireCase,
  requireNewId,
  requireNotBefore,
  requirePastDate,
  requireStage,
  stagesExcept,
} from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

/**
 * (2nd ed.) SEND Regs 2014 regs 33-37: a mediation, recorded with its start date. It opens no
 * deadline of the LA's here, but a mediation started on or before the plan's issue date leaves the
 * plan out of SEN2's timeliness measures (DOMAIN.md "Which plans count"). Any stage of an open case,
 * after a refusal or "not issue" included: those are what mediation is most often about.
 */
export function startMediation({ data, today }: StartMediation, state: EhcpCaseState): [MediationStarted] {
  const current = requireCase(state);
  const startedOn = requirePastDate(data.startedOn, 'startedOn', today);
  requireStage(current, { allowed: stagesExcept('closed') });
  requireNewId(
    current.mediations.some((m) => m.mediationId === data.mediationId),
    'MEDIATION_ALREADY_EXISTS',
    `Mediation ${data.mediationId}`,
  );
  // The case begins with its request (or its transfer in): no mediation of ours before it.
  requireNotBefore(startedOn, current.requestReceivedOn, [
    'DATE_BEFORE_REQUEST',
    'Mediation started before the case began',
  ]);
  return [{ type: 'MediationStarted', data: { mediationId: data.mediationId, startedOn } }];
}

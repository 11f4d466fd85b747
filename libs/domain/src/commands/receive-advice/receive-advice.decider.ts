import type { ReceiveAdvice } from '../../ehcp-case/ehcp-case.commands';
import type { AdviceReceived } from '../../ehcp-case/ehcp-case.events';
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

/**
 * Meets the advice's reg 8(1) deadline. Late advice may still arrive after a decision not to issue,
 * so that its deadline can be closed; not after closure or cessation.
 */
export function receiveAdvice({ data, today }: ReceiveAdvice, state: EhcpCaseState): [AdviceReceived] {
  const current = requireCase(state);
  const receivedOn = requirePastDate(data.receivedOn, 'receivedOn', today);
  requireStage(current, { allowed: stagesExcept('refused_to_assess', 'ceased', 'closed') });
  const advice = requireFound(
    current.advice.find((a) => a.adviceId === data.adviceId),
    'ADVICE_NOT_FOUND',
    `Advice ${data.adviceId}`,
  );
  if (advice.receivedOn !== null)
    refuse(['ADVICE_ALREADY_RECEIVED', `Advice ${data.adviceId} was already received`]);
  requireNotBefore(receivedOn, advice.requestedOn, [
    'ADVICE_RECEIVED_BEFORE_REQUEST',
    'Advice received before it was requested',
  ]);
  return [{ type: 'AdviceReceived', data: { adviceId: data.adviceId, receivedOn } }];
}

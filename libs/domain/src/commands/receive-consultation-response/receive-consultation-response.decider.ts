import type { ReceiveConsultationResponse } from '../../ehcp-case/ehcp-case.commands';
import type { ConsultationResponseReceived } from '../../ehcp-case/ehcp-case.events';
import {
  refuse,
  requireCase,
  requireFound,
  requireNotBefore,
  requirePastDate,
  requireStage,
} from '../../ehcp-case/ehcp-case.guards';
import { MAINTAINED_STAGES, type EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

/**
 * A consulted institution's response: meets its consultation_response deadline. (2nd ed.) Also while
 * the plan is re-assessed or under a decision to cease: it is maintained.
 */
export function receiveConsultationResponse(
  { data, today }: ReceiveConsultationResponse,
  state: EhcpCaseState,
): [ConsultationResponseReceived] {
  const current = requireCase(state);
  const receivedOn = requirePastDate(data.receivedOn, 'receivedOn', today);
  const notFound = ['CONSULTATION_NOT_FOUND', `Consultation ${data.consultationId} does not exist`] as const;
  requireStage(current, { allowed: ['draft_issued', ...MAINTAINED_STAGES], early: notFound });
  const consultation = requireFound(
    current.consultations.find((c) => c.consultationId === data.consultationId),
    'CONSULTATION_NOT_FOUND',
    `Consultation ${data.consultationId}`,
  );
  if (consultation.response !== null) {
    refuse(['CONSULTATION_ALREADY_ANSWERED', `Consultation ${data.consultationId} already has a response`]);
  }
  requireNotBefore(receivedOn, consultation.consultedOn, [
    'CONSULTATION_RESPONSE_BEFORE_CONSULTATION',
    'Response dated before the consultation',
  ]);
  return [
    {
      type: 'ConsultationResponseReceived',
      data: { consultationId: data.consultationId, receivedOn, outcome: data.outcome },
    },
  ];
}

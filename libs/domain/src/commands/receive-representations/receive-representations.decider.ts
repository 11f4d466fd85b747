import type { ReceiveRepresentations } from '../../ehcp-case/ehcp-case.commands';
import type { RepresentationsReceived } from '../../ehcp-case/ehcp-case.events';
import {
  known,
  requireCase,
  requireNotBefore,
  requirePastDate,
  requireStage,
} from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

const BEFORE_DRAFT = ['REPRESENTATIONS_BEFORE_DRAFT', 'Representations are made on a served draft'] as const;

/** reg 13(1): the parent's / young person's representations on the draft (and a requested school). */
export function receiveRepresentations(
  { data, today }: ReceiveRepresentations,
  state: EhcpCaseState,
): [RepresentationsReceived] {
  const current = requireCase(state);
  const receivedOn = requirePastDate(data.receivedOn, 'receivedOn', today);
  requireStage(current, {
    allowed: ['draft_issued'],
    early: BEFORE_DRAFT,
    late: ['FINAL_PLAN_ALREADY_ISSUED', 'The final plan has been issued'],
  });
  requireNotBefore(receivedOn, known(current.draftIssuedOn, 'draft date'), BEFORE_DRAFT);
  return [
    {
      type: 'RepresentationsReceived',
      data: { receivedOn, requestedInstitution: data.requestedInstitution ?? null },
    },
  ];
}

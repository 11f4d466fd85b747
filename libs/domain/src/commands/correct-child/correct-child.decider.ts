import { requireReason } from '../../corrections/correction.guards';
import type { CorrectChild } from '../../ehcp-case/ehcp-case.commands';
import type { ChildDetailsCorrected } from '../../ehcp-case/ehcp-case.events';
import { refuse, requireCase } from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';
import { requireDateOfBirth } from '../receive-request/receive-request.decider';

/**
 * (2nd ed.) DOMAIN.md "Corrections": the child's personal details corrected, with a reason, at any
 * stage until they are erased (there is nothing left to correct after). The new details, the reason
 * with them, go in the event's `personal` block: encrypted with the case's key, shredded by erasure.
 */
export function correctChild({ data, today }: CorrectChild, state: EhcpCaseState): [ChildDetailsCorrected] {
  const current = requireCase(state);
  const dateOfBirth = requireDateOfBirth(data.dateOfBirth, today, current.requestReceivedOn, 'dateOfBirth');
  const reason = requireReason(data.reason);
  if (current.personalDataErasedOn !== null) {
    refuse(['PERSONAL_DATA_ALREADY_ERASED', `Personal data was erased on ${current.personalDataErasedOn}`]);
  }
  return [
    {
      type: 'ChildDetailsCorrected',
      data: {
        // Field by field, as at the request: nothing else ever lands in the personal block.
        personal: { firstName: data.firstName, lastName: data.lastName, dateOfBirth, reason },
        correctedOn: today,
      },
    },
  ];
}

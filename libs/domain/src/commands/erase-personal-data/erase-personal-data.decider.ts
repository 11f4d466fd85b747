import type { ErasePersonalData } from '../../ehcp-case/ehcp-case.commands';
import type { PersonalDataErased } from '../../ehcp-case/ehcp-case.events';
import { refuse, requireCase } from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

/**
 * Records the crypto-shredding of the child's personal data (done by the event store); allowed at any
 * stage, closed cases included, once.
 */
export function erasePersonalData({ today }: ErasePersonalData, state: EhcpCaseState): [PersonalDataErased] {
  const current = requireCase(state);
  if (current.personalDataErasedOn !== null) {
    refuse(['PERSONAL_DATA_ALREADY_ERASED', `Personal data was erased on ${current.personalDataErasedOn}`]);
  }
  return [{ type: 'PersonalDataErased', data: { erasedOn: today } }];
}

import type { RevokeFamilyLink } from '../../ehcp-case/ehcp-case.commands';
import type { FamilyLinkRevoked } from '../../ehcp-case/ehcp-case.events';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

// SKELETON: the domain helper writes the rules and the spec.
export function revokeFamilyLink(command: RevokeFamilyLink, state: EhcpCaseState): [FamilyLinkRevoked] {
  void command;
  void state;
  throw new Error('not implemented');
}

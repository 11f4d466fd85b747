import type { IssueFamilyLink } from '../../ehcp-case/ehcp-case.commands';
import type { FamilyLinkIssued } from '../../ehcp-case/ehcp-case.events';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

// SKELETON: the domain helper writes the rules and the spec.
export function issueFamilyLink(command: IssueFamilyLink, state: EhcpCaseState): [FamilyLinkIssued] {
  void command;
  void state;
  throw new Error('not implemented');
}

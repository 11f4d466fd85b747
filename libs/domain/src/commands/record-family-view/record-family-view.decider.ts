import type { RecordFamilyView } from '../../ehcp-case/ehcp-case.commands';
import type { FamilyLinkViewed } from '../../ehcp-case/ehcp-case.events';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

// SKELETON: the domain helper writes the rules and the spec.
export function recordFamilyView(command: RecordFamilyView, state: EhcpCaseState): [FamilyLinkViewed] {
  void command;
  void state;
  throw new Error('not implemented');
}

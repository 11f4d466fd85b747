import type { RecordViews } from '../../ehcp-case/ehcp-case.commands';
import type { ViewsRecorded } from '../../ehcp-case/ehcp-case.events';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

// SKELETON: the domain helper writes the rules and the spec.
export function recordViews(command: RecordViews, state: EhcpCaseState): [ViewsRecorded] {
  void command;
  void state;
  throw new Error('not implemented');
}

import type { ReceiveAmendmentRepresentations } from '../../ehcp-case/ehcp-case.commands';
import type { AmendmentRepresentationsReceived } from '../../ehcp-case/ehcp-case.events';
import { requireCase, requireOpenNoticeOn, requirePastDate } from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

/** reg 22(2)(c): representations on proposed amendments, while the notice is still open. */
export function receiveAmendmentRepresentations(
  { data, today }: ReceiveAmendmentRepresentations,
  state: EhcpCaseState,
): [AmendmentRepresentationsReceived] {
  const current = requireCase(state);
  const receivedOn = requirePastDate(data.receivedOn, 'receivedOn', today);
  requireOpenNoticeOn(current, data.noticeId, receivedOn, [
    'AMENDMENT_REPRESENTATIONS_BEFORE_NOTICE',
    'Representations dated before the amendment notice',
  ]);
  return [{ type: 'AmendmentRepresentationsReceived', data: { noticeId: data.noticeId, receivedOn } }];
}

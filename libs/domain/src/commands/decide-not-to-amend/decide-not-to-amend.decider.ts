import type { DecideNotToAmend } from '../../ehcp-case/ehcp-case.commands';
import type { NoAmendmentDecided } from '../../ehcp-case/ehcp-case.events';
import { requireCase, requireOpenNoticeOn, requirePastDate } from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

/**
 * reg 22(4): having served an amendment notice, the LA may decide not to amend the plan after all
 * (e.g. after the family's representations). The decision closes the notice and meets its 8-week
 * `amended_plan` deadline (DOMAIN.md, 2nd ed.).
 */
export function decideNotToAmend(
  { data, today }: DecideNotToAmend,
  state: EhcpCaseState,
): [NoAmendmentDecided] {
  const current = requireCase(state);
  const decidedOn = requirePastDate(data.decidedOn, 'decidedOn', today);
  requireOpenNoticeOn(current, data.noticeId, decidedOn, [
    'NO_AMENDMENT_BEFORE_NOTICE',
    'Decision not to amend dated before its notice',
  ]);
  return [{ type: 'NoAmendmentDecided', data: { noticeId: data.noticeId, decidedOn } }];
}

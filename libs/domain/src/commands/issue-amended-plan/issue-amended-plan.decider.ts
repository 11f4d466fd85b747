import type { IssueAmendedPlan } from '../../ehcp-case/ehcp-case.commands';
import type { AmendedPlanIssued } from '../../ehcp-case/ehcp-case.events';
import { representationWindowEnds } from '../../deadlines/deadline.rules';
import { refuse, requireCase, requireOpenNoticeOn, requirePastDate } from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

/**
 * reg 22(3): the amended plan, within 8 weeks of the notice. As with the draft (reg 22(2)(c)), a plan
 * issued inside the 15-day window N .. N + 14 needs representations on the amendments first. A plan
 * naming a placement also meets the next planned phase transfer (reg 18(1)).
 */
export function issueAmendedPlan(
  { data, today }: IssueAmendedPlan,
  state: EhcpCaseState,
): [AmendedPlanIssued] {
  const current = requireCase(state);
  const issuedOn = requirePastDate(data.issuedOn, 'issuedOn', today);
  const notice = requireOpenNoticeOn(current, data.noticeId, issuedOn, [
    'AMENDED_PLAN_BEFORE_NOTICE',
    'Amended plan dated before its notice',
  ]);
  const windowEnds = representationWindowEnds(notice.issuedOn);
  const represented = notice.representationsReceivedOn.some((receivedOn) => receivedOn <= issuedOn);
  if (issuedOn <= windowEnds && !represented) {
    refuse([
      'AMENDED_PLAN_INSIDE_REPRESENTATION_WINDOW',
      `The representation window on the amendments runs to ${windowEnds} and no representations are recorded`,
    ]);
  }
  const placement = data.placement
    ? { institution: data.placement.institution, type: data.placement.type }
    : null;
  return [{ type: 'AmendedPlanIssued', data: { noticeId: data.noticeId, issuedOn, placement } }];
}

import type { IssueAmendmentNotice } from '../../ehcp-case/ehcp-case.commands';
import type { AmendmentNoticeIssued } from '../../ehcp-case/ehcp-case.events';
import {
  known,
  requireCase,
  requireNewId,
  requireNotBefore,
  requirePastDate,
  requireStage,
} from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

const BEFORE_FINAL = ['AMENDMENT_NOTICE_BEFORE_FINAL_PLAN', 'Only a final plan can be amended'] as const;

/** reg 22(2): notice of proposed amendments; starts the reg 22(3) clock and a 15-day representation window. */
export function issueAmendmentNotice(
  { data, today }: IssueAmendmentNotice,
  state: EhcpCaseState,
): [AmendmentNoticeIssued] {
  const current = requireCase(state);
  const issuedOn = requirePastDate(data.issuedOn, 'issuedOn', today);
  requireStage(current, { allowed: ['plan_maintained'], early: BEFORE_FINAL });
  requireNewId(
    current.amendmentNotices.some((n) => n.noticeId === data.noticeId),
    'NOTICE_ALREADY_EXISTS',
    `Amendment notice ${data.noticeId}`,
  );
  requireNotBefore(issuedOn, known(current.finalPlan, 'final plan').issuedOn, BEFORE_FINAL);
  return [{ type: 'AmendmentNoticeIssued', data: { noticeId: data.noticeId, issuedOn } }];
}

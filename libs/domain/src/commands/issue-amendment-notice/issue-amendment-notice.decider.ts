import type { IssueAmendmentNotice } from '../../ehcp-case/ehcp-case.commands';
import type { AmendmentNoticeIssued } from '../../ehcp-case/ehcp-case.events';
import {
  refuse,
  planMaintainedSince,
  requireCase,
  requireFound,
  requireNewId,
  requireNotBefore,
  requirePastDate,
  requireStage,
} from '../../ehcp-case/ehcp-case.guards';
import {
  MAINTAINED_STAGES,
  reviewAwaitingNotice,
  type EhcpCase,
  type EhcpCaseState,
} from '../../ehcp-case/ehcp-case.state';

const BEFORE_FINAL = ['AMENDMENT_NOTICE_BEFORE_FINAL_PLAN', 'Only a final plan can be amended'] as const;

/**
 * reg 22(2): notice of proposed amendments; starts the reg 22(3) clock and a 15-day representation
 * window. (2nd ed.) A notice following a review decided "amend" meets that review's
 * `amendment_notice` deadline: the link is resolved here (the named review, else the latest one
 * decided "amend" with no notice yet) and stored on the event. Without such a review (the LA proposes
 * amendments at any time) it opens only `amended_plan`. (2nd ed.) In every stage where the plan is
 * maintained (MAINTAINED_STAGES); a plan transferred in is amended by this authority from the transfer.
 */
export function issueAmendmentNotice(
  { data, today }: IssueAmendmentNotice,
  state: EhcpCaseState,
): [AmendmentNoticeIssued] {
  const current = requireCase(state);
  const issuedOn = requirePastDate(data.issuedOn, 'issuedOn', today);
  requireStage(current, { allowed: MAINTAINED_STAGES, early: BEFORE_FINAL });
  requireNewId(
    current.amendmentNotices.some((n) => n.noticeId === data.noticeId),
    'NOTICE_ALREADY_EXISTS',
    `Amendment notice ${data.noticeId}`,
  );
  requireNotBefore(issuedOn, planMaintainedSince(current), BEFORE_FINAL);
  const reviewId =
    data.reviewId === undefined || data.reviewId === null
      ? (reviewAwaitingNotice(current, issuedOn)?.reviewId ?? null)
      : requireAmendReview(current, data.reviewId, issuedOn);
  return [{ type: 'AmendmentNoticeIssued', data: { noticeId: data.noticeId, issuedOn, reviewId } }];
}

/** A named review must exist, be decided "amend", have no notice yet and have met before the notice. */
function requireAmendReview(current: EhcpCase, reviewId: string, issuedOn: string): string {
  const review = requireFound(
    current.reviews.find((r) => r.reviewId === reviewId),
    'REVIEW_NOT_FOUND',
    `Review ${reviewId}`,
  );
  if (review.decision?.decision !== 'amend')
    refuse(['REVIEW_NOT_DECIDED_AMEND', `Review ${reviewId} was not decided "amend"`]);
  if (current.amendmentNotices.some((notice) => notice.reviewId === reviewId))
    refuse(['REVIEW_NOTICE_ALREADY_SERVED', `Review ${reviewId} already has its amendment notice`]);
  requireNotBefore(issuedOn, review.meetingHeldOn, [
    'NOTICE_BEFORE_REVIEW_MEETING',
    `Amendment notice dated before the meeting of review ${reviewId}`,
  ]);
  return reviewId;
}

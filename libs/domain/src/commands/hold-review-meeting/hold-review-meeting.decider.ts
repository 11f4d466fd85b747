import type { HoldReviewMeeting } from '../../ehcp-case/ehcp-case.commands';
import type { ReviewMeetingHeld } from '../../ehcp-case/ehcp-case.events';
import {
  planMaintainedSince,
  requireCase,
  requireNewId,
  requireNotBefore,
  requirePastDate,
  requireStage,
} from '../../ehcp-case/ehcp-case.guards';
import { MAINTAINED_STAGES, type EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

const BEFORE_FINAL = ['REVIEW_BEFORE_FINAL_PLAN', 'A plan is reviewed once it is made'] as const;

/**
 * CFA s44(1) / reg 20: the annual review meeting. It starts the review_decision clock; the review is
 * completed, and the next annual_review period started, by the LA's decision (2nd ed., CoP 9.176).
 * Meetings are kept in date order. (2nd ed.) The plan is reviewed while it is maintained: also while
 * re-assessed or under a decision to cease (until it ceases); a plan transferred in, from the transfer
 * (reg 15: earlier reviews were the other authority's, the last one is on the transfer).
 */
export function holdReviewMeeting(
  { data, today }: HoldReviewMeeting,
  state: EhcpCaseState,
): [ReviewMeetingHeld] {
  const current = requireCase(state);
  const meetingHeldOn = requirePastDate(data.meetingHeldOn, 'meetingHeldOn', today);
  requireStage(current, { allowed: MAINTAINED_STAGES, early: BEFORE_FINAL });
  requireNewId(
    current.reviews.some((r) => r.reviewId === data.reviewId),
    'REVIEW_ALREADY_EXISTS',
    `Review ${data.reviewId}`,
  );
  requireNotBefore(meetingHeldOn, planMaintainedSince(current), BEFORE_FINAL);
  const previous = current.reviews.at(-1);
  if (previous) {
    requireNotBefore(meetingHeldOn, previous.meetingHeldOn, [
      'REVIEW_BEFORE_PREVIOUS_REVIEW',
      'Review meeting dated before the previous one',
    ]);
  }
  return [{ type: 'ReviewMeetingHeld', data: { reviewId: data.reviewId, meetingHeldOn } }];
}

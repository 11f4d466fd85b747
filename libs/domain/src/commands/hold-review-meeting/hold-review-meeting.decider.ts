import type { HoldReviewMeeting } from '../../ehcp-case/ehcp-case.commands';
import type { ReviewMeetingHeld } from '../../ehcp-case/ehcp-case.events';
import {
  known,
  requireCase,
  requireNewId,
  requireNotBefore,
  requirePastDate,
  requireStage,
} from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

const BEFORE_FINAL = ['REVIEW_BEFORE_FINAL_PLAN', 'A plan is reviewed once it is made'] as const;

/**
 * CFA s44(1) / reg 20: the annual review meeting. It meets the running annual_review deadline, starts
 * the next one and the review_decision clock. Meetings are kept in date order.
 */
export function holdReviewMeeting(
  { data, today }: HoldReviewMeeting,
  state: EhcpCaseState,
): [ReviewMeetingHeld] {
  const current = requireCase(state);
  const meetingHeldOn = requirePastDate(data.meetingHeldOn, 'meetingHeldOn', today);
  requireStage(current, { allowed: ['plan_maintained'], early: BEFORE_FINAL });
  requireNewId(
    current.reviews.some((r) => r.reviewId === data.reviewId),
    'REVIEW_ALREADY_EXISTS',
    `Review ${data.reviewId}`,
  );
  requireNotBefore(meetingHeldOn, known(current.finalPlan, 'final plan').issuedOn, BEFORE_FINAL);
  const previous = current.reviews.at(-1);
  if (previous) {
    requireNotBefore(meetingHeldOn, previous.meetingHeldOn, [
      'REVIEW_BEFORE_PREVIOUS_REVIEW',
      'Review meeting dated before the previous one',
    ]);
  }
  return [{ type: 'ReviewMeetingHeld', data: { reviewId: data.reviewId, meetingHeldOn } }];
}

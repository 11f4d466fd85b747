import type { DecideReview } from '../../ehcp-case/ehcp-case.commands';
import type { ReviewDecisionMade } from '../../ehcp-case/ehcp-case.events';
import {
  refuse,
  requireCase,
  requireFound,
  requireNotBefore,
  requirePastDate,
  requireStage,
} from '../../ehcp-case/ehcp-case.guards';
import { MAINTAINED_STAGES, type EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

/**
 * reg 20(10) / 21: the council's decision after a review (maintain, amend, cease). It meets
 * review_decision, completes the annual review and starts its next 12 months (2nd ed.; CFA s44(1),
 * CoP 9.176). (2nd ed.) "Amend" opens `amendment_notice` (reg 22(2)); "cease" is followed by the
 * cessation command. (2nd ed.) In every stage where the plan is maintained (MAINTAINED_STAGES).
 */
export function decideReview({ data, today }: DecideReview, state: EhcpCaseState): [ReviewDecisionMade] {
  const current = requireCase(state);
  const decidedOn = requirePastDate(data.decidedOn, 'decidedOn', today);
  const notFound = ['REVIEW_NOT_FOUND', `Review ${data.reviewId} does not exist`] as const;
  requireStage(current, { allowed: MAINTAINED_STAGES, early: notFound });
  const review = requireFound(
    current.reviews.find((r) => r.reviewId === data.reviewId),
    'REVIEW_NOT_FOUND',
    `Review ${data.reviewId}`,
  );
  if (review.decision !== null)
    refuse(['REVIEW_ALREADY_DECIDED', `Review ${data.reviewId} is already decided`]);
  requireNotBefore(decidedOn, review.meetingHeldOn, [
    'REVIEW_DECISION_BEFORE_MEETING',
    'Review decision dated before the meeting',
  ]);
  return [
    { type: 'ReviewDecisionMade', data: { reviewId: data.reviewId, decision: data.decision, decidedOn } },
  ];
}

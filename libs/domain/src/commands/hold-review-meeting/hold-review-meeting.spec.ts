import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const hold = (meetingHeldOn: string, reviewId = 'rev-2') =>
  command('HoldReviewMeeting', { reviewId, meetingHeldOn });

describe('HoldReviewMeeting', () => {
  it('records the annual review meeting', () => {
    given(history.planMaintained)
      .when(hold('2026-12-01', 'rev-1'))
      .then([on.reviewHeld('rev-1', '2026-12-01')]);
  });

  it('records a later review after the previous one', () => {
    given([...history.planMaintained, on.reviewHeld()])
      .when(hold('2027-11-01'))
      .then([on.reviewHeld('rev-2', '2027-11-01')]);
  });

  it('refuses before the final plan: REVIEW_BEFORE_FINAL_PLAN', () => {
    given(history.draftIssued).when(hold('2026-12-01')).thenThrows('REVIEW_BEFORE_FINAL_PLAN');
  });

  it('refuses a meeting dated before the final plan: REVIEW_BEFORE_FINAL_PLAN', () => {
    given(history.planMaintained).when(hold('2026-01-11')).thenThrows('REVIEW_BEFORE_FINAL_PLAN');
  });

  it('refuses a meeting dated before the previous one: REVIEW_BEFORE_PREVIOUS_REVIEW', () => {
    given([...history.planMaintained, on.reviewHeld()])
      .when(hold('2026-11-30'))
      .thenThrows('REVIEW_BEFORE_PREVIOUS_REVIEW');
  });

  it('refuses a used review id: REVIEW_ALREADY_EXISTS', () => {
    given([...history.planMaintained, on.reviewHeld()])
      .when(hold('2027-11-01', 'rev-1'))
      .thenThrows('REVIEW_ALREADY_EXISTS');
  });

  it('refuses after cessation: PLAN_CEASED', () => {
    given(history.ceased).when(hold('2027-07-01')).thenThrows('PLAN_CEASED');
  });
});

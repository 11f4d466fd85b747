import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const decideReview = (decidedOn: string, reviewId = 'rev-1') =>
  command('DecideReview', { reviewId, decision: 'amend', decidedOn });
const reviewed = [...history.planMaintained, on.reviewHeld('rev-1', '2026-12-01')];

describe('DecideReview', () => {
  it("records the council's review decision", () => {
    given(reviewed)
      .when(decideReview('2026-12-20'))
      .then([on.reviewDecided('rev-1', 'amend', '2026-12-20')]);
  });

  it('refuses an unknown review: REVIEW_NOT_FOUND', () => {
    given(reviewed).when(decideReview('2026-12-20', 'rev-9')).thenThrows('REVIEW_NOT_FOUND');
    given(history.draftIssued).when(decideReview('2026-12-20')).thenThrows('REVIEW_NOT_FOUND');
  });

  it('refuses a second decision: REVIEW_ALREADY_DECIDED', () => {
    given([...reviewed, on.reviewDecided()])
      .when(decideReview('2026-12-21'))
      .thenThrows('REVIEW_ALREADY_DECIDED');
  });

  it('refuses a decision dated before the meeting: REVIEW_DECISION_BEFORE_MEETING', () => {
    given(reviewed).when(decideReview('2026-11-30')).thenThrows('REVIEW_DECISION_BEFORE_MEETING');
  });
});

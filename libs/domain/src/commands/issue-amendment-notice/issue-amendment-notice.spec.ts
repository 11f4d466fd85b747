import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const notice = (issuedOn: string, noticeId = 'not-1', reviewId?: string | null) =>
  command('IssueAmendmentNotice', { noticeId, issuedOn, ...(reviewId === undefined ? {} : { reviewId }) });

const decided = (
  reviewId: string,
  meetingHeldOn: string,
  decision: 'amend' | 'maintain',
  decidedOn: string,
) => [on.reviewHeld(reviewId, meetingHeldOn), on.reviewDecided(reviewId, decision, decidedOn)];

describe('IssueAmendmentNotice', () => {
  it('serves an amendment notice on a maintained plan; with no review decided "amend" it follows none', () => {
    given(history.planMaintained)
      .when(notice('2027-01-05'))
      .then([on.noticeIssued('not-1', '2027-01-05', null)]);
  });

  describe('(2nd ed.) the review decided "amend" it follows (reg 22(2); R (L, M and P) v Devon CC [2022])', () => {
    const amend = [...history.planMaintained, ...decided('rev-1', '2026-12-01', 'amend', '2026-12-20')];

    it('by default, the latest review decided "amend" that has no notice yet', () => {
      given(amend)
        .when(notice('2026-12-21'))
        .then([on.noticeIssued('not-1', '2026-12-21', 'rev-1')]);
      given([...amend, ...decided('rev-2', '2027-01-10', 'amend', '2027-01-12')])
        .when(notice('2027-01-15'))
        .then([on.noticeIssued('not-1', '2027-01-15', 'rev-2')]);
      given([
        ...amend,
        ...decided('rev-2', '2027-01-10', 'amend', '2027-01-12'),
        on.noticeIssued('not-1', '2027-01-15', 'rev-2'),
      ])
        .when(notice('2027-01-16', 'not-2'))
        .then([on.noticeIssued('not-2', '2027-01-16', 'rev-1')]);
    });

    it('by default, none when every review decided "amend" has its notice, or met after the notice', () => {
      given([...amend, on.noticeIssued('not-1', '2026-12-21', 'rev-1')])
        .when(notice('2027-01-05', 'not-2'))
        .then([on.noticeIssued('not-2', '2027-01-05', null)]);
      given(amend)
        .when(notice('2026-11-30'))
        .then([on.noticeIssued('not-1', '2026-11-30', null)]);
      given([...history.planMaintained, ...decided('rev-1', '2026-12-01', 'maintain', '2026-12-20')])
        .when(notice('2027-01-05'))
        .then([on.noticeIssued('not-1', '2027-01-05', null)]);
    });

    it('the review named by reviewId; null asks for the default', () => {
      given([...amend, ...decided('rev-2', '2027-01-10', 'amend', '2027-01-12')])
        .when(notice('2027-01-15', 'not-1', 'rev-1'))
        .then([on.noticeIssued('not-1', '2027-01-15', 'rev-1')]);
      given(amend)
        .when(notice('2026-12-21', 'not-1', null))
        .then([on.noticeIssued('not-1', '2026-12-21', 'rev-1')]);
    });

    it('refuses an unknown review: REVIEW_NOT_FOUND', () => {
      given(amend)
        .when(notice('2026-12-21', 'not-1', 'rev-9'))
        .thenThrows('REVIEW_NOT_FOUND');
    });

    it('refuses a review not decided "amend" (undecided, or maintain): REVIEW_NOT_DECIDED_AMEND', () => {
      given([...history.planMaintained, on.reviewHeld('rev-1', '2026-12-01')])
        .when(notice('2026-12-21', 'not-1', 'rev-1'))
        .thenThrows('REVIEW_NOT_DECIDED_AMEND');
      given([...history.planMaintained, ...decided('rev-1', '2026-12-01', 'maintain', '2026-12-20')])
        .when(notice('2026-12-21', 'not-1', 'rev-1'))
        .thenThrows('REVIEW_NOT_DECIDED_AMEND');
    });

    it('refuses a review that already has its notice: REVIEW_NOTICE_ALREADY_SERVED', () => {
      given([...amend, on.noticeIssued('not-1', '2026-12-21', 'rev-1')])
        .when(notice('2026-12-22', 'not-2', 'rev-1'))
        .thenThrows('REVIEW_NOTICE_ALREADY_SERVED');
    });

    it('refuses a notice dated before the review meeting: NOTICE_BEFORE_REVIEW_MEETING', () => {
      given(amend)
        .when(notice('2026-11-30', 'not-1', 'rev-1'))
        .thenThrows('NOTICE_BEFORE_REVIEW_MEETING');
    });
  });

  it('refuses before the final plan: AMENDMENT_NOTICE_BEFORE_FINAL_PLAN', () => {
    given(history.draftIssued).when(notice('2026-01-05')).thenThrows('AMENDMENT_NOTICE_BEFORE_FINAL_PLAN');
  });

  it('refuses a notice dated before the final plan: AMENDMENT_NOTICE_BEFORE_FINAL_PLAN', () => {
    given(history.planMaintained).when(notice('2026-01-11')).thenThrows('AMENDMENT_NOTICE_BEFORE_FINAL_PLAN');
  });

  it('refuses a used notice id: NOTICE_ALREADY_EXISTS', () => {
    given([...history.planMaintained, on.noticeIssued()])
      .when(notice('2027-01-06'))
      .thenThrows('NOTICE_ALREADY_EXISTS');
  });
});

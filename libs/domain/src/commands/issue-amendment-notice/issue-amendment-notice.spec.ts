import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const notice = (issuedOn: string, noticeId = 'not-1') =>
  command('IssueAmendmentNotice', { noticeId, issuedOn });

describe('IssueAmendmentNotice', () => {
  it('serves an amendment notice on a maintained plan', () => {
    given(history.planMaintained)
      .when(notice('2027-01-05'))
      .then([on.noticeIssued('not-1', '2027-01-05')]);
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

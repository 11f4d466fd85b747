import { on, PLACEMENT } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const amendedPlan = (issuedOn: string, noticeId = 'not-1', placement?: typeof PLACEMENT) =>
  command('IssueAmendedPlan', { noticeId, issuedOn, placement });
// Notice served Tue 5 Jan 2027: the window is 5 .. 19 Jan 2027 (reg 22(2)(c)).
const noticed = [...history.planMaintained, on.noticeIssued('not-1', '2027-01-05')];

describe('IssueAmendedPlan', () => {
  it('issues the amended plan after representations on the amendments', () => {
    given([...noticed, on.amendmentRepresentations('not-1', '2027-01-10')])
      .when(amendedPlan('2027-01-10'))
      .then([on.amendedIssued('not-1', '2027-01-10')]);
  });

  it('issues without representations from N + 15, naming a placement', () => {
    given(noticed)
      .when(amendedPlan('2027-01-20', 'not-1', PLACEMENT))
      .then([on.amendedIssued('not-1', '2027-01-20', PLACEMENT)]);
  });

  it('refuses an unknown notice: NOTICE_NOT_FOUND', () => {
    given(noticed).when(amendedPlan('2027-02-01', 'not-9')).thenThrows('NOTICE_NOT_FOUND');
    given(history.drafting).when(amendedPlan('2027-02-01')).thenThrows('NOTICE_NOT_FOUND');
  });

  it('refuses a second amended plan on one notice: NOTICE_ALREADY_CLOSED', () => {
    given([...noticed, on.amendedIssued('not-1', '2027-02-01')])
      .when(amendedPlan('2027-02-02'))
      .thenThrows('NOTICE_ALREADY_CLOSED');
  });

  it('refuses an amended plan dated before its notice: AMENDED_PLAN_BEFORE_NOTICE', () => {
    given(noticed).when(amendedPlan('2027-01-04')).thenThrows('AMENDED_PLAN_BEFORE_NOTICE');
  });

  it('refuses an amended plan on N + 14 without representations: AMENDED_PLAN_INSIDE_REPRESENTATION_WINDOW', () => {
    given(noticed).when(amendedPlan('2027-01-19')).thenThrows('AMENDED_PLAN_INSIDE_REPRESENTATION_WINDOW');
  });
});

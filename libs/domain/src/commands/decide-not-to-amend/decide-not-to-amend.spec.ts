import { deadlinesOf } from '../../deadlines/deadline.calculator';
import { evolve } from '../../ehcp-case/ehcp-case.evolve';
import { initialState, type EhcpCaseState } from '../../ehcp-case/ehcp-case.state';
import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const noAmendment = (decidedOn: string, noticeId = 'not-1') =>
  command('DecideNotToAmend', { noticeId, decidedOn });
// Notice served Tue 5 Jan 2027: the amended plan is due 8 weeks later, 2 Mar 2027 (reg 22(3)).
const noticed = [...history.planMaintained, on.noticeIssued('not-1', '2027-01-05')];

describe('DecideNotToAmend (reg 22(4))', () => {
  it('records the decision not to amend after all, even inside the representation window', () => {
    given(noticed)
      .when(noAmendment('2027-01-12'))
      .then([on.noAmendment('not-1', '2027-01-12')]);
  });

  it('meets the notice’s amended_plan deadline on the day of the decision', () => {
    const state = [...noticed, on.noAmendment('not-1', '2027-01-12')].reduce<EhcpCaseState>(
      evolve,
      initialState,
    );
    const amendedPlan = deadlinesOf(state).find((d) => d.kind === 'amended_plan' && d.ref === 'not-1');
    expect(amendedPlan).toMatchObject({ dueOn: '2027-03-02', metOn: '2027-01-12' });
  });

  it('closes the notice: no amended plan and no second decision: NOTICE_ALREADY_CLOSED', () => {
    const decided = [...noticed, on.noAmendment('not-1', '2027-01-12')];
    given(decided).when(noAmendment('2027-01-13')).thenThrows('NOTICE_ALREADY_CLOSED');
    given(decided)
      .when(command('IssueAmendedPlan', { noticeId: 'not-1', issuedOn: '2027-02-01' }))
      .thenThrows('NOTICE_ALREADY_CLOSED');
    given([...noticed, on.amendedIssued('not-1', '2027-02-01')])
      .when(noAmendment('2027-02-02'))
      .thenThrows('NOTICE_ALREADY_CLOSED');
  });

  it('refuses an unknown notice: NOTICE_NOT_FOUND', () => {
    given(noticed).when(noAmendment('2027-02-01', 'not-9')).thenThrows('NOTICE_NOT_FOUND');
    given(history.drafting).when(noAmendment('2027-02-01')).thenThrows('NOTICE_NOT_FOUND');
  });

  it('refuses a decision dated before its notice: NO_AMENDMENT_BEFORE_NOTICE', () => {
    given(noticed).when(noAmendment('2027-01-04')).thenThrows('NO_AMENDMENT_BEFORE_NOTICE');
  });
});

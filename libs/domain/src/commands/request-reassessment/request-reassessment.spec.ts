import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

type Requester = 'parent' | 'young_person' | 'institution' | 'local_authority';
const request = (receivedOn: string, requestId = 'rea-1', requestedBy: Requester = 'parent') =>
  command('RequestReassessment', { requestId, receivedOn, requestedBy });

describe('RequestReassessment (2nd ed.; reg 24)', () => {
  it('records a request to re-assess the maintained plan', () => {
    given(history.planMaintained)
      .when(request('2026-09-01'))
      .then([on.reassessmentRequested('rea-1', '2026-09-01')]);
  });

  it('records the LA re-assessing on its own initiative (`local_authority`) and a request from the institution', () => {
    given(history.planMaintained)
      .when(request('2026-09-01', 'rea-1', 'local_authority'))
      .then([on.reassessmentRequested('rea-1', '2026-09-01', 'local_authority')]);
    given(history.planMaintained)
      .when(request('2026-09-01', 'rea-1', 'institution'))
      .then([on.reassessmentRequested('rea-1', '2026-09-01', 'institution')]);
  });

  it('accepts a request on the day the plan was issued (12 Jan 2026)', () => {
    given(history.planMaintained)
      .when(request('2026-01-12'))
      .then([on.reassessmentRequested('rea-1', '2026-01-12')]);
  });

  it('accepts a request while a decision to cease is pending: the plan is still maintained', () => {
    given([...history.planMaintained, on.cessationDecided('2026-06-01')])
      // Judged before the plan ceases on 2026-08-02.
      .when({ ...request('2026-06-10'), today: '2026-06-30' })
      .then([on.reassessmentRequested('rea-1', '2026-06-10')]);
  });

  it('accepts a new request once the previous re-assessment has ended, or was refused, or while one awaits its decision', () => {
    given([...history.reassessing, on.planKeptUnchanged('rea-1', '2026-11-20')])
      .when(request('2027-03-01', 'rea-2'))
      .then([on.reassessmentRequested('rea-2', '2027-03-01')]);
    given([...history.reassessmentRequested, on.reassessmentDecided('rea-1', 'refuse', '2026-09-10')])
      .when(request('2027-03-01', 'rea-2'))
      .then([on.reassessmentRequested('rea-2', '2027-03-01')]);
    given(history.reassessmentRequested)
      .when(request('2026-09-05', 'rea-2'))
      .then([on.reassessmentRequested('rea-2', '2026-09-05')]);
  });

  it('accepts a request for a plan transferred in, from the transfer on (reg 15)', () => {
    const transferred = [on.transferredIn({ transferredOn: '2025-12-01' })];
    given(transferred)
      .when(request('2025-12-01'))
      .then([on.reassessmentRequested('rea-1', '2025-12-01')]);
    given(transferred).when(request('2025-11-30')).thenThrows('REASSESSMENT_BEFORE_FINAL_PLAN');
  });

  it('refuses before any plan is maintained: REASSESSMENT_BEFORE_FINAL_PLAN', () => {
    given(history.requested).when(request('2025-10-01')).thenThrows('REASSESSMENT_BEFORE_FINAL_PLAN');
    given(history.draftIssued).when(request('2025-12-23')).thenThrows('REASSESSMENT_BEFORE_FINAL_PLAN');
  });

  it('refuses a request dated before the plan was issued: REASSESSMENT_BEFORE_FINAL_PLAN', () => {
    given(history.planMaintained).when(request('2026-01-11')).thenThrows('REASSESSMENT_BEFORE_FINAL_PLAN');
  });

  it('refuses while a re-assessment is open: REASSESSMENT_ALREADY_OPEN', () => {
    given(history.reassessing).when(request('2026-10-01', 'rea-2')).thenThrows('REASSESSMENT_ALREADY_OPEN');
    given(history.reassessmentDraftIssued)
      .when(request('2026-11-10', 'rea-2'))
      .thenThrows('REASSESSMENT_ALREADY_OPEN');
  });

  it('refuses a used request id: REASSESSMENT_REQUEST_ALREADY_EXISTS', () => {
    given(history.reassessmentRequested)
      .when(request('2026-09-05'))
      .thenThrows('REASSESSMENT_REQUEST_ALREADY_EXISTS');
  });

  it('refuses on a refused, not-issued, ceased or closed case with their codes', () => {
    given(history.refused).when(request('2026-01-01')).thenThrows('ASSESSMENT_REFUSED');
    given(history.notIssued).when(request('2026-01-01')).thenThrows('PLAN_NOT_ISSUED');
    given(history.ceased).when(request('2027-07-01')).thenThrows('PLAN_CEASED');
    given([...history.planMaintained, on.closed('2026-05-01')])
      .when(request('2026-06-01'))
      .thenThrows('CASE_CLOSED');
  });

  it('refuses a request received in the future: DATE_IN_FUTURE', () => {
    given(history.planMaintained)
      .when(
        command(
          'RequestReassessment',
          { requestId: 'rea-1', receivedOn: '2026-09-02', requestedBy: 'parent' },
          '2026-09-01',
        ),
      )
      .thenThrows('DATE_IN_FUTURE', 'receivedOn');
  });
});

import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const assign = (assignedOn: string) => command('AssignCaseworker', { caseworkerId: 'cw-7', assignedOn });

describe('AssignCaseworker', () => {
  it('(re)assigns the case', () => {
    given(history.requested)
      .when(assign('2025-09-02'))
      .then([{ type: 'CaseworkerAssigned', data: { caseworkerId: 'cw-7', assignedOn: '2025-09-02' } }]);
  });

  it('still assigns after the plan has ceased', () => {
    given(history.ceased)
      .when(assign('2027-07-01'))
      .then([{ type: 'CaseworkerAssigned', data: { caseworkerId: 'cw-7', assignedOn: '2027-07-01' } }]);
  });

  it('refuses before the request exists: CASE_NOT_FOUND', () => {
    given([]).when(assign('2025-09-02')).thenThrows('CASE_NOT_FOUND');
  });

  it('refuses an assignment dated before the request: DATE_BEFORE_REQUEST', () => {
    given(history.requested).when(assign('2025-08-31')).thenThrows('DATE_BEFORE_REQUEST');
  });

  it('refuses on a closed case: CASE_CLOSED', () => {
    given(history.closed).when(assign('2025-09-12')).thenThrows('CASE_CLOSED');
  });
});

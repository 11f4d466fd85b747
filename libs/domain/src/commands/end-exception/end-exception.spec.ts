import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const end = (endedOn: string, exceptionId = 'exc-1') => command('EndException', { exceptionId, endedOn });
const withException = [...history.requested, on.exception('absence_from_area', '2025-09-05')];

describe('EndException', () => {
  it('ends an open exception', () => {
    given(withException)
      .when(end('2025-10-20'))
      .then([on.exceptionEnded('2025-10-20')]);
  });

  it('refuses an unknown exception id: EXCEPTION_NOT_FOUND', () => {
    given(withException).when(end('2025-10-20', 'exc-9')).thenThrows('EXCEPTION_NOT_FOUND');
  });

  it('refuses an exception already ended: EXCEPTION_ALREADY_ENDED', () => {
    given([...withException, on.exceptionEnded('2025-10-20')])
      .when(end('2025-10-21'))
      .thenThrows('EXCEPTION_ALREADY_ENDED');
  });

  it('refuses an end before the start: EXCEPTION_END_BEFORE_START', () => {
    given(withException).when(end('2025-09-04')).thenThrows('EXCEPTION_END_BEFORE_START');
  });
});

import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const close = (closedOn: string) => command('CloseCase', { closedOn, reason: 'request_withdrawn' });

describe('CloseCase', () => {
  it('closes an open case', () => {
    given(history.assessing)
      .when(close('2025-11-01'))
      .then([on.closed('2025-11-01')]);
  });

  it('closes a refused, a not-issued or a ceased case', () => {
    given(history.refused)
      .when(close('2026-01-01'))
      .then([on.closed('2026-01-01')]);
    given(history.notIssued)
      .when(close('2026-01-01'))
      .then([on.closed('2026-01-01')]);
    given(history.ceased)
      .when(close('2027-06-01'))
      .then([on.closed('2027-06-01')]);
  });

  it('refuses a closure dated before the latest fact: DATE_BEFORE_LAST_FACT', () => {
    given(history.assessing).when(close('2025-10-05')).thenThrows('DATE_BEFORE_LAST_FACT');
  });

  it('refuses a second closure: CASE_CLOSED', () => {
    given(history.closed).when(close('2025-09-11')).thenThrows('CASE_CLOSED');
  });
});

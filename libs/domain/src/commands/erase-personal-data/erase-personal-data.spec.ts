import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const erase = (today: string) => command('ErasePersonalData', {}, today);

describe('ErasePersonalData', () => {
  it('records the erasure, dated today, even on a closed case', () => {
    given(history.closed)
      .when(erase('2027-07-01'))
      .then([on.erased('2027-07-01')]);
  });

  it('refuses before the request exists: CASE_NOT_FOUND', () => {
    given([]).when(erase('2027-07-01')).thenThrows('CASE_NOT_FOUND');
  });

  it('refuses a second erasure: PERSONAL_DATA_ALREADY_ERASED', () => {
    given([...history.requested, on.erased('2027-07-01')])
      .when(erase('2027-07-02'))
      .thenThrows('PERSONAL_DATA_ALREADY_ERASED');
  });
});

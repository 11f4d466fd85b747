import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const cease = (ceasedOn: string) => command('CeasePlan', { ceasedOn, reason: 'no longer needed' });

describe('CeasePlan', () => {
  it('ceases a maintained plan', () => {
    given(history.planMaintained)
      .when(cease('2027-06-01'))
      .then([on.ceased('2027-06-01')]);
  });

  it('refuses without a final plan: CESSATION_BEFORE_FINAL_PLAN', () => {
    given(history.draftIssued).when(cease('2026-06-01')).thenThrows('CESSATION_BEFORE_FINAL_PLAN');
  });

  it('refuses a cessation dated before the latest fact: DATE_BEFORE_LAST_FACT', () => {
    given([...history.planMaintained, on.reviewHeld('rev-1', '2026-12-01')])
      .when(cease('2026-11-30'))
      .thenThrows('DATE_BEFORE_LAST_FACT');
  });

  it('refuses a second cessation: PLAN_CEASED', () => {
    given(history.ceased).when(cease('2027-06-02')).thenThrows('PLAN_CEASED');
  });
});

import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const request = (requestedOn: string, adviceId = 'adv-2') =>
  command('RequestAdvice', { adviceId, source: 'educational_psychology', requestedOn });

describe('RequestAdvice', () => {
  it('requests advice once the council decided to assess', () => {
    given(history.assessing)
      .when(request('2025-10-07', 'adv-1'))
      .then([on.adviceRequested('adv-1', '2025-10-07')]);
  });

  it('may still request advice while drafting', () => {
    given(history.draftIssued)
      .when(request('2025-12-23'))
      .then([on.adviceRequested('adv-2', '2025-12-23')]);
  });

  it('refuses before the decision to assess: ADVICE_BEFORE_ASSESSMENT_DECISION', () => {
    given(history.requested).when(request('2025-09-10')).thenThrows('ADVICE_BEFORE_ASSESSMENT_DECISION');
  });

  it('refuses advice dated before the decision to assess: ADVICE_BEFORE_ASSESSMENT_DECISION', () => {
    given(history.assessing).when(request('2025-10-05')).thenThrows('ADVICE_BEFORE_ASSESSMENT_DECISION');
  });

  it('refuses a used advice id: ADVICE_ALREADY_EXISTS', () => {
    given(history.drafting).when(request('2025-12-16', 'adv-1')).thenThrows('ADVICE_ALREADY_EXISTS');
  });

  it('refuses once the final plan is issued: FINAL_PLAN_ALREADY_ISSUED', () => {
    given(history.planMaintained).when(request('2026-02-01')).thenThrows('FINAL_PLAN_ALREADY_ISSUED');
  });

  it('refuses on a refused case: ASSESSMENT_REFUSED', () => {
    given(history.refused).when(request('2025-10-07')).thenThrows('ASSESSMENT_REFUSED');
  });
});

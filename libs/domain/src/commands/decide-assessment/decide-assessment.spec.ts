import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const decideTo = (decision: 'assess' | 'refuse', decidedOn: string) =>
  command('DecideAssessment', { decision, decidedOn });

describe('DecideAssessment', () => {
  it('decides to assess', () => {
    given(history.requested)
      .when(decideTo('assess', '2025-10-06'))
      .then([on.assessed('2025-10-06')]);
  });

  it('refuses to assess', () => {
    given(history.requested)
      .when(decideTo('refuse', '2025-10-06'))
      .then([on.refused('2025-10-06')]);
  });

  it('records a refusal reversed (after appeal) as a later decision to assess', () => {
    given(history.refused)
      .when(decideTo('assess', '2026-02-01'))
      .then([on.assessed('2026-02-01')]);
  });

  it('refuses a decision dated before the request: DATE_BEFORE_REQUEST', () => {
    given(history.requested).when(decideTo('assess', '2025-08-31')).thenThrows('DATE_BEFORE_REQUEST');
  });

  it('refuses a second decision: ASSESSMENT_ALREADY_DECIDED', () => {
    given(history.assessing).when(decideTo('refuse', '2025-10-10')).thenThrows('ASSESSMENT_ALREADY_DECIDED');
    given(history.refused).when(decideTo('refuse', '2025-10-10')).thenThrows('ASSESSMENT_ALREADY_DECIDED');
    given(history.drafting).when(decideTo('assess', '2025-12-20')).thenThrows('ASSESSMENT_ALREADY_DECIDED');
  });

  it('refuses a reversal dated before the refusal: REVERSAL_BEFORE_DECISION', () => {
    given(history.refused).when(decideTo('assess', '2025-10-05')).thenThrows('REVERSAL_BEFORE_DECISION');
  });

  it('refuses a decision in the future: DATE_IN_FUTURE', () => {
    given(history.requested)
      .when(command('DecideAssessment', { decision: 'assess', decidedOn: '2025-10-06' }, '2025-10-05'))
      .thenThrows('DATE_IN_FUTURE');
  });
});

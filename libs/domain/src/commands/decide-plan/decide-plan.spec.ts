import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const decideTo = (decision: 'issue' | 'not_issue', decidedOn: string) =>
  command('DecidePlan', { decision, decidedOn });

describe('DecidePlan', () => {
  it('decides to issue a plan', () => {
    given(history.assessing)
      .when(decideTo('issue', '2025-12-15'))
      .then([on.toIssue('2025-12-15')]);
  });

  it('decides not to issue a plan', () => {
    given(history.assessing)
      .when(decideTo('not_issue', '2025-12-15'))
      .then([on.notToIssue('2025-12-15')]);
  });

  it('records "not issue" reversed as a later decision to issue', () => {
    given(history.notIssued)
      .when(decideTo('issue', '2026-03-01'))
      .then([on.toIssue('2026-03-01')]);
  });

  it('refuses before the decision to assess: PLAN_DECISION_BEFORE_ASSESSMENT_DECISION', () => {
    given(history.requested)
      .when(decideTo('issue', '2025-12-15'))
      .thenThrows('PLAN_DECISION_BEFORE_ASSESSMENT_DECISION');
  });

  it('refuses a decision dated before the decision to assess: PLAN_DECISION_BEFORE_ASSESSMENT_DECISION', () => {
    given(history.assessing)
      .when(decideTo('issue', '2025-10-05'))
      .thenThrows('PLAN_DECISION_BEFORE_ASSESSMENT_DECISION');
  });

  it('refuses a second decision: PLAN_DECISION_ALREADY_MADE', () => {
    given(history.drafting)
      .when(decideTo('not_issue', '2025-12-16'))
      .thenThrows('PLAN_DECISION_ALREADY_MADE');
    given(history.notIssued)
      .when(decideTo('not_issue', '2025-12-16'))
      .thenThrows('PLAN_DECISION_ALREADY_MADE');
  });

  it('refuses a reversal dated before "not issue": REVERSAL_BEFORE_DECISION', () => {
    given(history.notIssued).when(decideTo('issue', '2025-12-14')).thenThrows('REVERSAL_BEFORE_DECISION');
  });

  it('refuses on a refused case: ASSESSMENT_REFUSED', () => {
    given(history.refused).when(decideTo('issue', '2025-12-15')).thenThrows('ASSESSMENT_REFUSED');
  });
});

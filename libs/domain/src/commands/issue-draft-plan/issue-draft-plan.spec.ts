import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const draft = (issuedOn: string) => command('IssueDraftPlan', { issuedOn });

describe('IssueDraftPlan', () => {
  it('serves the draft after the decision to issue', () => {
    given(history.drafting)
      .when(draft('2025-12-22'))
      .then([on.draftIssued('2025-12-22')]);
  });

  it('refuses a draft before a decision to issue: DRAFT_BEFORE_PLAN_DECISION', () => {
    given(history.assessing).when(draft('2025-12-22')).thenThrows('DRAFT_BEFORE_PLAN_DECISION');
  });

  it('refuses a draft dated before the decision to issue: DRAFT_BEFORE_PLAN_DECISION', () => {
    given(history.drafting).when(draft('2025-12-14')).thenThrows('DRAFT_BEFORE_PLAN_DECISION');
  });

  it('refuses a second draft: DRAFT_ALREADY_ISSUED', () => {
    given(history.draftIssued).when(draft('2025-12-23')).thenThrows('DRAFT_ALREADY_ISSUED');
  });

  it('refuses on a not-issued case: PLAN_NOT_ISSUED', () => {
    given(history.notIssued).when(draft('2025-12-22')).thenThrows('PLAN_NOT_ISSUED');
  });
});

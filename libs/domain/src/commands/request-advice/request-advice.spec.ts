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

// Re-assessment decided Mon 14 Sep 2026 (history.reassessing).
describe('RequestAdvice while a re-assessment is open (2nd ed.; API.md, reg 27)', () => {
  it('requests advice for the re-assessment from the decision to re-assess on', () => {
    given(history.reassessing)
      .when(request('2026-09-14'))
      .then([on.adviceRequested('adv-2', '2026-09-14')]);
  });

  it('may still request advice once the re-assessment draft is served', () => {
    given(history.reassessmentDraftIssued)
      .when(request('2026-11-03', 'adv-3'))
      .then([on.adviceRequested('adv-3', '2026-11-03')]);
  });

  it('refuses advice dated before the decision to re-assess: ADVICE_BEFORE_ASSESSMENT_DECISION', () => {
    given(history.reassessing).when(request('2026-09-13')).thenThrows('ADVICE_BEFORE_ASSESSMENT_DECISION');
  });

  it('refuses an advice id used by the first assessment: ADVICE_ALREADY_EXISTS', () => {
    given(history.reassessing).when(request('2026-09-15', 'adv-1')).thenThrows('ADVICE_ALREADY_EXISTS');
  });

  it('refuses on a maintained plan with no re-assessment open (undecided, or ended): FINAL_PLAN_ALREADY_ISSUED', () => {
    given(history.reassessmentRequested).when(request('2026-09-05')).thenThrows('FINAL_PLAN_ALREADY_ISSUED');
    given([...history.reassessing, on.planKeptUnchanged('rea-1', '2026-11-20')])
      .when(request('2026-11-21'))
      .thenThrows('FINAL_PLAN_ALREADY_ISSUED');
  });

  it('refuses on a ceased plan, even with a re-assessment open: PLAN_CEASED', () => {
    given([...history.reassessing, on.ceased('2026-10-01')])
      .when(request('2026-10-02'))
      .thenThrows('PLAN_CEASED');
  });
});

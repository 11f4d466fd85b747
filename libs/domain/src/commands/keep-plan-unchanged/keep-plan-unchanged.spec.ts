import { on, PLACEMENT } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const unchanged = (decidedOn: string, requestId = 'rea-1') =>
  command('KeepPlanUnchanged', { requestId, decidedOn });

// Re-assessment decided on Mon 14 Sep 2026 (history.reassessing).
describe('KeepPlanUnchanged (2nd ed.; reg 27(2)(b))', () => {
  it('ends the open re-assessment with notice that the plan stays unchanged', () => {
    given(history.reassessing)
      .when(unchanged('2026-11-20'))
      .then([on.planKeptUnchanged('rea-1', '2026-11-20')]);
  });

  it('may follow the re-assessment draft (the council decides not to change the plan after all)', () => {
    given(history.reassessmentDraftIssued)
      .when(unchanged('2026-11-20'))
      .then([on.planKeptUnchanged('rea-1', '2026-11-20')]);
  });

  it('may be given on the day of the decision to re-assess', () => {
    given(history.reassessing)
      .when(unchanged('2026-09-14'))
      .then([on.planKeptUnchanged('rea-1', '2026-09-14')]);
  });

  it('refuses notice dated before the decision to re-assess: REASSESSMENT_NOT_OPEN', () => {
    given(history.reassessing).when(unchanged('2026-09-13')).thenThrows('REASSESSMENT_NOT_OPEN');
  });

  it('refuses when that request is not the open re-assessment: REASSESSMENT_NOT_OPEN', () => {
    // Undecided, refused, ended unchanged, ended with a plan.
    given(history.reassessmentRequested).when(unchanged('2026-11-20')).thenThrows('REASSESSMENT_NOT_OPEN');
    given([...history.reassessmentRequested, on.reassessmentDecided('rea-1', 'refuse', '2026-09-10')])
      .when(unchanged('2026-11-20'))
      .thenThrows('REASSESSMENT_NOT_OPEN');
    given([...history.reassessing, on.planKeptUnchanged('rea-1', '2026-11-20')])
      .when(unchanged('2026-11-21'))
      .thenThrows('REASSESSMENT_NOT_OPEN');
    given([
      ...history.reassessmentDraftIssued,
      on.representations('2026-11-10'),
      { type: 'FinalPlanIssued', data: { issuedOn: '2026-11-20', placement: PLACEMENT } },
    ])
      .when(unchanged('2026-11-21'))
      .thenThrows('REASSESSMENT_NOT_OPEN');
  });

  it('refuses an unknown request: REASSESSMENT_REQUEST_NOT_FOUND', () => {
    given(history.reassessing)
      .when(unchanged('2026-11-20', 'rea-9'))
      .thenThrows('REASSESSMENT_REQUEST_NOT_FOUND');
    given(history.drafting).when(unchanged('2026-01-20')).thenThrows('REASSESSMENT_REQUEST_NOT_FOUND');
  });

  it('refuses on a ceased or closed case with their codes', () => {
    given([...history.reassessing, on.ceased('2026-10-01')])
      .when(unchanged('2026-10-02'))
      .thenThrows('PLAN_CEASED');
    given([...history.reassessing, on.closed('2026-10-01')])
      .when(unchanged('2026-10-02'))
      .thenThrows('CASE_CLOSED');
  });

  it('refuses notice dated in the future: DATE_IN_FUTURE', () => {
    given(history.reassessing)
      .when(command('KeepPlanUnchanged', { requestId: 'rea-1', decidedOn: '2026-11-20' }, '2026-11-19'))
      .thenThrows('DATE_IN_FUTURE', 'decidedOn');
  });
});

import { replay } from '../../ehcp-case/ehcp-case.evolve';
import { caseExists } from '../../ehcp-case/ehcp-case.state';
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

// Re-assessment decided Mon 14 Sep 2026 (history.reassessing); the first plan's draft was 22 Dec 2025.
describe('IssueDraftPlan while a re-assessment is open (2nd ed.; API.md, reg 27(2)(a))', () => {
  it("serves the re-assessment's draft after the decision to re-assess; the first plan's draft stays as it was", () => {
    given(history.reassessing)
      .when(draft('2026-11-02'))
      .then([on.draftIssued('2026-11-02')]);
    const state = replay([...history.reassessing, on.draftIssued('2026-11-02')]);
    expect(state).toMatchObject({ stage: 'reassessing', draftIssuedOn: '2025-12-22' });
    expect(caseExists(state) && state.reassessments[0].draftIssuedOn).toBe('2026-11-02');
  });

  it('serves it on the day of the decision to re-assess', () => {
    given(history.reassessing)
      .when(draft('2026-09-14'))
      .then([on.draftIssued('2026-09-14')]);
  });

  it('refuses a draft dated before the decision to re-assess: DRAFT_BEFORE_PLAN_DECISION', () => {
    given(history.reassessing).when(draft('2026-09-13')).thenThrows('DRAFT_BEFORE_PLAN_DECISION');
  });

  it('refuses a second draft in one re-assessment: DRAFT_ALREADY_ISSUED', () => {
    given(history.reassessmentDraftIssued).when(draft('2026-11-03')).thenThrows('DRAFT_ALREADY_ISSUED');
  });

  it('serves a draft for each re-assessment: a later one has its own', () => {
    const second = [
      ...history.reassessmentDraftIssued,
      on.planKeptUnchanged('rea-1', '2026-11-20'),
      on.reassessmentRequested('rea-2', '2027-03-01'),
      on.reassessmentDecided('rea-2', 'reassess', '2027-03-05'),
    ];
    given(second)
      .when(draft('2027-04-01'))
      .then([on.draftIssued('2027-04-01')]);
  });

  it('refuses on a maintained plan with no re-assessment open (the request undecided): DRAFT_ALREADY_ISSUED', () => {
    given(history.reassessmentRequested).when(draft('2026-09-05')).thenThrows('DRAFT_ALREADY_ISSUED');
  });

  it('refuses on a closed case, even with a re-assessment open: CASE_CLOSED', () => {
    given([...history.reassessing, on.closed('2026-10-01')])
      .when(draft('2026-10-02'))
      .thenThrows('CASE_CLOSED');
  });
});

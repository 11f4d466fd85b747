import { replay } from '../../ehcp-case/ehcp-case.evolve';
import { caseExists } from '../../ehcp-case/ehcp-case.state';
import { on, PLACEMENT } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const finalPlan = (issuedOn: string) => command('IssueFinalPlan', { issuedOn, placement: PLACEMENT });
// Draft served Mon 22 Dec 2025: the representation window is 22 Dec .. 5 Jan 2026 (reg 13(1)).
const draftOnly = history.draftIssued;

describe('IssueFinalPlan', () => {
  it('issues the final plan after representations', () => {
    given([...draftOnly, on.representations('2026-01-02')])
      .when(finalPlan('2026-01-02'))
      .then([on.finalIssued('2026-01-02')]);
  });

  it('issues the final plan without representations once the 15-day window is over (D + 15)', () => {
    given(draftOnly)
      .when(finalPlan('2026-01-06'))
      .then([on.finalIssued('2026-01-06')]);
  });

  it('refuses a final plan before the draft: FINAL_PLAN_BEFORE_DRAFT', () => {
    given(history.drafting).when(finalPlan('2026-01-12')).thenThrows('FINAL_PLAN_BEFORE_DRAFT');
  });

  it('refuses a final plan dated before the draft: FINAL_PLAN_BEFORE_DRAFT', () => {
    given(draftOnly).when(finalPlan('2025-12-21')).thenThrows('FINAL_PLAN_BEFORE_DRAFT');
  });

  it('refuses a final plan on the last window day D + 14 without representations: FINAL_PLAN_INSIDE_REPRESENTATION_WINDOW', () => {
    given(draftOnly).when(finalPlan('2026-01-05')).thenThrows('FINAL_PLAN_INSIDE_REPRESENTATION_WINDOW');
  });

  it('refuses a final plan dated before the representations it relies on: FINAL_PLAN_INSIDE_REPRESENTATION_WINDOW', () => {
    given([...draftOnly, on.representations('2026-01-03')])
      .when(finalPlan('2026-01-02'))
      .thenThrows('FINAL_PLAN_INSIDE_REPRESENTATION_WINDOW');
  });

  it('refuses a second final plan: FINAL_PLAN_ALREADY_ISSUED', () => {
    given(history.planMaintained).when(finalPlan('2026-02-01')).thenThrows('FINAL_PLAN_ALREADY_ISSUED');
  });
});

// The re-assessment's draft was served on Mon 2 Nov 2026 (history.reassessmentDraftIssued): its
// representation window is 2 .. 16 Nov 2026 (reg 13(1)).
describe('IssueFinalPlan while a re-assessment is open (2nd ed.; API.md, reg 27(2)(a))', () => {
  const reassessmentDraft = history.reassessmentDraftIssued;

  it("issues the re-assessment's final plan after representations on its draft; it never replaces the first plan", () => {
    const represented = [...reassessmentDraft, on.representations('2026-11-10')];
    given(represented)
      .when(finalPlan('2026-11-10'))
      .then([on.finalIssued('2026-11-10')]);
    const state = replay([...represented, on.finalIssued('2026-11-10')]);
    expect(state).toMatchObject({ stage: 'plan_maintained', finalPlan: { issuedOn: '2026-01-12' } });
    expect(caseExists(state) && state.reassessments[0].plan).toEqual({
      issuedOn: '2026-11-10',
      placement: PLACEMENT,
    });
  });

  it("issues it without representations once its draft's window is over (D + 15 = 17 Nov 2026)", () => {
    given(reassessmentDraft)
      .when(finalPlan('2026-11-17'))
      .then([on.finalIssued('2026-11-17')]);
  });

  it("refuses it on its draft's last window day D + 14: the first draft's representations do not count: FINAL_PLAN_INSIDE_REPRESENTATION_WINDOW", () => {
    given(reassessmentDraft)
      .when(finalPlan('2026-11-16'))
      .thenThrows('FINAL_PLAN_INSIDE_REPRESENTATION_WINDOW');
  });

  it("refuses a final plan before the re-assessment's draft: FINAL_PLAN_BEFORE_DRAFT", () => {
    given(history.reassessing).when(finalPlan('2026-12-01')).thenThrows('FINAL_PLAN_BEFORE_DRAFT');
    given(reassessmentDraft).when(finalPlan('2026-11-01')).thenThrows('FINAL_PLAN_BEFORE_DRAFT');
  });

  it("refuses another final plan once the re-assessment's is issued: FINAL_PLAN_ALREADY_ISSUED", () => {
    given([...reassessmentDraft, on.finalIssued('2026-11-17')])
      .when(finalPlan('2026-11-18'))
      .thenThrows('FINAL_PLAN_ALREADY_ISSUED');
  });

  it('refuses on a maintained plan with no re-assessment open (the request undecided): FINAL_PLAN_ALREADY_ISSUED', () => {
    given(history.reassessmentRequested)
      .when(finalPlan('2026-09-05'))
      .thenThrows('FINAL_PLAN_ALREADY_ISSUED');
  });
});

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

import { replay } from '../../ehcp-case/ehcp-case.evolve';
import { caseExists } from '../../ehcp-case/ehcp-case.state';
import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const represent = (receivedOn: string, requestedInstitution?: string) =>
  command('ReceiveRepresentations', { receivedOn, requestedInstitution });

describe('ReceiveRepresentations', () => {
  it('records representations on the draft', () => {
    given(history.draftIssued)
      .when(represent('2026-01-02'))
      .then([on.representations('2026-01-02')]);
  });

  it('records the requested school', () => {
    given(history.draftIssued)
      .when(represent('2026-01-02', 'Hillside School'))
      .then([
        {
          type: 'RepresentationsReceived',
          data: { receivedOn: '2026-01-02', requestedInstitution: 'Hillside School' },
        },
      ]);
  });

  it('refuses before a draft: REPRESENTATIONS_BEFORE_DRAFT', () => {
    given(history.drafting).when(represent('2025-12-20')).thenThrows('REPRESENTATIONS_BEFORE_DRAFT');
  });

  it('refuses representations dated before the draft: REPRESENTATIONS_BEFORE_DRAFT', () => {
    given(history.draftIssued).when(represent('2025-12-21')).thenThrows('REPRESENTATIONS_BEFORE_DRAFT');
  });

  it('refuses after the final plan: FINAL_PLAN_ALREADY_ISSUED', () => {
    given(history.planMaintained).when(represent('2026-02-01')).thenThrows('FINAL_PLAN_ALREADY_ISSUED');
  });
});

// The re-assessment's draft was served on Mon 2 Nov 2026 (history.reassessmentDraftIssued).
describe('ReceiveRepresentations while a re-assessment is open (2nd ed.; API.md, reg 13(1) via reg 27)', () => {
  it("records representations on the re-assessment's draft, kept with the re-assessment", () => {
    given(history.reassessmentDraftIssued)
      .when(represent('2026-11-10'))
      .then([on.representations('2026-11-10')]);
    const state = replay([...history.reassessmentDraftIssued, on.representations('2026-11-10')]);
    expect(caseExists(state) && state.reassessments[0].representations).toEqual([
      { receivedOn: '2026-11-10', requestedInstitution: null },
    ]);
    expect(caseExists(state) && state.representations).toEqual([
      { receivedOn: '2026-01-02', requestedInstitution: null },
    ]);
  });

  it("refuses before the re-assessment's draft (the first plan's draft does not count): REPRESENTATIONS_BEFORE_DRAFT", () => {
    given(history.reassessing).when(represent('2026-10-01')).thenThrows('REPRESENTATIONS_BEFORE_DRAFT');
  });

  it("refuses representations dated before the re-assessment's draft: REPRESENTATIONS_BEFORE_DRAFT", () => {
    given(history.reassessmentDraftIssued)
      .when(represent('2026-11-01'))
      .thenThrows('REPRESENTATIONS_BEFORE_DRAFT');
  });

  it("refuses once the re-assessment's final plan is issued: FINAL_PLAN_ALREADY_ISSUED", () => {
    given([...history.reassessmentDraftIssued, on.finalIssued('2026-11-17')])
      .when(represent('2026-11-18'))
      .thenThrows('FINAL_PLAN_ALREADY_ISSUED');
  });
});

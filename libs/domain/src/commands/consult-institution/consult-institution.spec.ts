import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const consult = (consultedOn: string, consultationId = 'con-1') =>
  command('ConsultInstitution', { consultationId, institution: 'Riverside Academy', consultedOn });

describe('ConsultInstitution', () => {
  it('consults an institution on the draft', () => {
    given(history.draftIssued)
      .when(consult('2025-12-23'))
      .then([on.consulted('con-1', '2025-12-23')]);
  });

  it('consults on an amendment once the plan is maintained', () => {
    given(history.planMaintained)
      .when(consult('2026-11-01'))
      .then([on.consulted('con-1', '2026-11-01')]);
  });

  it('refuses before the draft: CONSULTATION_BEFORE_DRAFT', () => {
    given(history.drafting).when(consult('2025-12-20')).thenThrows('CONSULTATION_BEFORE_DRAFT');
  });

  it('refuses a consultation dated before the draft: CONSULTATION_BEFORE_DRAFT', () => {
    given(history.draftIssued).when(consult('2025-12-21')).thenThrows('CONSULTATION_BEFORE_DRAFT');
  });

  it('refuses a used consultation id: CONSULTATION_ALREADY_EXISTS', () => {
    given([...history.draftIssued, on.consulted()])
      .when(consult('2025-12-24'))
      .thenThrows('CONSULTATION_ALREADY_EXISTS');
  });
});

// The re-assessment's draft was served on Mon 2 Nov 2026 (history.reassessmentDraftIssued).
describe('ConsultInstitution while a re-assessment is open (2nd ed.; API.md)', () => {
  it("consults an institution on the re-assessment's draft", () => {
    given(history.reassessmentDraftIssued)
      .when(consult('2026-11-03', 'con-2'))
      .then([on.consulted('con-2', '2026-11-03')]);
  });

  it("refuses before the re-assessment's draft is served: CONSULTATION_BEFORE_DRAFT", () => {
    given(history.reassessing).when(consult('2026-10-01', 'con-2')).thenThrows('CONSULTATION_BEFORE_DRAFT');
  });

  it("refuses a consultation dated before the re-assessment's draft: CONSULTATION_BEFORE_DRAFT", () => {
    given(history.reassessmentDraftIssued)
      .when(consult('2026-11-01', 'con-2'))
      .thenThrows('CONSULTATION_BEFORE_DRAFT');
  });

  it('consults on a plan under a decision to cease: it is still maintained', () => {
    given([...history.planMaintained, on.cessationDecided('2026-06-01')])
      // Judged before the plan ceases on 2026-08-02.
      .when({ ...consult('2026-06-10', 'con-2'), today: '2026-06-30' })
      .then([on.consulted('con-2', '2026-06-10')]);
  });

  it('consults on a plan transferred in (its draft was the other authority’s) from the transfer on (reg 15)', () => {
    const transferred = [on.transferredIn({ transferredOn: '2025-12-01' })];
    given(transferred)
      .when(consult('2025-12-01'))
      .then([on.consulted('con-1', '2025-12-01')]);
    given(transferred).when(consult('2025-11-30')).thenThrows('CONSULTATION_BEFORE_DRAFT');
  });
});

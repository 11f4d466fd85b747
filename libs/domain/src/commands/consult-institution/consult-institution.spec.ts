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

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

import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const respond = (receivedOn: string, consultationId = 'con-1') =>
  command('ReceiveConsultationResponse', { consultationId, receivedOn, outcome: 'can_meet_needs' });
const consulted = [...history.draftIssued, on.consulted('con-1', '2025-12-23')];

describe('ReceiveConsultationResponse', () => {
  it("records the institution's response", () => {
    given(consulted)
      .when(respond('2026-01-05'))
      .then([on.consultationAnswered('con-1', '2026-01-05')]);
  });

  it('refuses an unknown consultation: CONSULTATION_NOT_FOUND', () => {
    given(consulted).when(respond('2026-01-05', 'con-9')).thenThrows('CONSULTATION_NOT_FOUND');
    given(history.assessing).when(respond('2026-01-05')).thenThrows('CONSULTATION_NOT_FOUND');
  });

  it('refuses a second response: CONSULTATION_ALREADY_ANSWERED', () => {
    given([...consulted, on.consultationAnswered()])
      .when(respond('2026-01-06'))
      .thenThrows('CONSULTATION_ALREADY_ANSWERED');
  });

  it('refuses a response dated before the consultation: CONSULTATION_RESPONSE_BEFORE_CONSULTATION', () => {
    given(consulted).when(respond('2025-12-22')).thenThrows('CONSULTATION_RESPONSE_BEFORE_CONSULTATION');
  });
});

describe('ReceiveConsultationResponse while the plan is re-assessed or ceasing (2nd ed.)', () => {
  it("records the response to a consultation on the re-assessment's draft", () => {
    given([...history.reassessmentDraftIssued, on.consulted('con-2', '2026-11-03')])
      .when(respond('2026-11-12', 'con-2'))
      .then([on.consultationAnswered('con-2', '2026-11-12')]);
  });

  it('records a response while a decision to cease is pending', () => {
    given([...history.planMaintained, on.consulted('con-2', '2026-05-20'), on.cessationDecided('2026-06-01')])
      // Judged before the plan ceases on 2026-08-02.
      .when({ ...respond('2026-06-02', 'con-2'), today: '2026-06-30' })
      .then([on.consultationAnswered('con-2', '2026-06-02')]);
  });
});

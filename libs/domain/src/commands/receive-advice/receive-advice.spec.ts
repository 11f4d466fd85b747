import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const receive = (receivedOn: string, adviceId = 'adv-1') =>
  command('ReceiveAdvice', { adviceId, receivedOn });
const withAdvice = [...history.assessing, on.adviceRequested('adv-1', '2025-10-07')];

describe('ReceiveAdvice', () => {
  it('receives requested advice', () => {
    given(withAdvice)
      .when(receive('2025-11-10'))
      .then([on.adviceReceived('adv-1', '2025-11-10')]);
  });

  it('receives late advice after a decision not to issue', () => {
    given([...withAdvice, on.notToIssue('2025-12-01')])
      .when(receive('2025-12-05'))
      .then([on.adviceReceived('adv-1', '2025-12-05')]);
  });

  it('refuses an unknown advice id: ADVICE_NOT_FOUND', () => {
    given(withAdvice).when(receive('2025-11-10', 'adv-9')).thenThrows('ADVICE_NOT_FOUND');
    given(history.requested).when(receive('2025-11-10', 'adv-9')).thenThrows('ADVICE_NOT_FOUND');
  });

  it('refuses advice already received: ADVICE_ALREADY_RECEIVED', () => {
    given(history.drafting).when(receive('2025-12-16')).thenThrows('ADVICE_ALREADY_RECEIVED');
  });

  it('refuses advice dated before its request: ADVICE_RECEIVED_BEFORE_REQUEST', () => {
    given(withAdvice).when(receive('2025-10-06')).thenThrows('ADVICE_RECEIVED_BEFORE_REQUEST');
  });

  it('refuses after cessation: PLAN_CEASED', () => {
    given(history.ceased).when(receive('2027-07-01')).thenThrows('PLAN_CEASED');
  });
});

describe('ReceiveAdvice while a re-assessment is open (2nd ed.; API.md, reg 27)', () => {
  it('receives advice requested for the re-assessment (15 Sep 2026)', () => {
    given(history.reassessmentDraftIssued)
      .when(receive('2026-10-20', 'adv-2'))
      .then([on.adviceReceived('adv-2', '2026-10-20')]);
  });

  it('receives it late, after the re-assessment ended', () => {
    given([...history.reassessmentDraftIssued, on.planKeptUnchanged('rea-1', '2026-11-20')])
      .when(receive('2026-12-01', 'adv-2'))
      .then([on.adviceReceived('adv-2', '2026-12-01')]);
  });
});

import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const decideTo = (decision: 'reassess' | 'refuse', decidedOn: string, requestId = 'rea-1') =>
  command('DecideReassessment', { requestId, decision, decidedOn });
// Request received Tue 1 Sep 2026 (history.reassessmentRequested).
const requested = history.reassessmentRequested;
const refused = [...requested, on.reassessmentDecided('rea-1', 'refuse', '2026-09-10')];

describe('DecideReassessment (2nd ed.; reg 25)', () => {
  it('decides to re-assess', () => {
    given(requested)
      .when(decideTo('reassess', '2026-09-14'))
      .then([on.reassessmentDecided('rea-1', 'reassess', '2026-09-14')]);
  });

  it('refuses to re-assess (appealable)', () => {
    given(requested)
      .when(decideTo('refuse', '2026-09-10'))
      .then([on.reassessmentDecided('rea-1', 'refuse', '2026-09-10')]);
  });

  it('decides on the day the request was received', () => {
    given(requested)
      .when(decideTo('reassess', '2026-09-01'))
      .then([on.reassessmentDecided('rea-1', 'reassess', '2026-09-01')]);
  });

  it('records a refusal reversed (e.g. after an appeal) as a later decision to re-assess', () => {
    given(refused)
      .when(decideTo('reassess', '2027-02-01'))
      .then([on.reassessmentDecided('rea-1', 'reassess', '2027-02-01')]);
  });

  it('re-assesses a plan under a decision to cease: it is still maintained', () => {
    given([...requested, on.cessationDecided('2026-09-05')])
      // Judged before the plan ceases (2026-11-06): a decision taken effect refuses it (PLAN_CEASED).
      .when({ ...decideTo('reassess', '2026-09-14'), today: '2026-09-30' })
      .then([on.reassessmentDecided('rea-1', 'reassess', '2026-09-14')]);
  });

  it('refuses an unknown request: REASSESSMENT_REQUEST_NOT_FOUND', () => {
    given(requested)
      .when(decideTo('reassess', '2026-09-14', 'rea-9'))
      .thenThrows('REASSESSMENT_REQUEST_NOT_FOUND');
    given(history.planMaintained)
      .when(decideTo('reassess', '2026-09-14'))
      .thenThrows('REASSESSMENT_REQUEST_NOT_FOUND');
    given(history.draftIssued)
      .when(decideTo('reassess', '2026-09-14'))
      .thenThrows('REASSESSMENT_REQUEST_NOT_FOUND');
  });

  it('refuses a second decision: REASSESSMENT_ALREADY_DECIDED', () => {
    given(history.reassessing)
      .when(decideTo('refuse', '2026-09-20'))
      .thenThrows('REASSESSMENT_ALREADY_DECIDED');
    given(history.reassessing)
      .when(decideTo('reassess', '2026-09-20'))
      .thenThrows('REASSESSMENT_ALREADY_DECIDED');
    given(refused).when(decideTo('refuse', '2026-09-20')).thenThrows('REASSESSMENT_ALREADY_DECIDED');
    given([...history.reassessing, on.planKeptUnchanged('rea-1', '2026-11-20')])
      .when(decideTo('reassess', '2026-11-21'))
      .thenThrows('REASSESSMENT_ALREADY_DECIDED');
  });

  it('refuses a decision dated before the request: DATE_BEFORE_REQUEST', () => {
    given(requested).when(decideTo('reassess', '2026-08-31')).thenThrows('DATE_BEFORE_REQUEST');
  });

  it('refuses a reversal dated before the refusal: REVERSAL_BEFORE_DECISION', () => {
    given(refused).when(decideTo('reassess', '2026-09-09')).thenThrows('REVERSAL_BEFORE_DECISION');
  });

  it('refuses to re-assess while another re-assessment is open: REASSESSMENT_ALREADY_OPEN', () => {
    const twoRequests = [
      ...requested,
      on.reassessmentRequested('rea-2', '2026-09-05'),
      on.reassessmentDecided('rea-1', 'reassess', '2026-09-14'),
    ];
    given(twoRequests)
      .when(decideTo('reassess', '2026-09-20', 'rea-2'))
      .thenThrows('REASSESSMENT_ALREADY_OPEN');
    // Refusing the other request is no conflict.
    given(twoRequests)
      .when(decideTo('refuse', '2026-09-20', 'rea-2'))
      .then([on.reassessmentDecided('rea-2', 'refuse', '2026-09-20')]);
  });

  it('refuses on a ceased or closed case with their codes', () => {
    given([...requested, on.ceased('2026-10-01')])
      .when(decideTo('reassess', '2026-10-02'))
      .thenThrows('PLAN_CEASED');
    given([...requested, on.closed('2026-10-01')])
      .when(decideTo('reassess', '2026-10-02'))
      .thenThrows('CASE_CLOSED');
  });

  it('refuses a decision in the future: DATE_IN_FUTURE', () => {
    given(requested)
      .when(
        command(
          'DecideReassessment',
          { requestId: 'rea-1', decision: 'reassess', decidedOn: '2026-09-14' },
          '2026-09-13',
        ),
      )
      .thenThrows('DATE_IN_FUTURE', 'decidedOn');
  });
});

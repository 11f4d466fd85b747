import type { AppealSubject } from '../../ehcp-case/ehcp-case.vocabulary';
import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const lodge = (against: AppealSubject, lodgedOn: string, appealId = 'app-1', today?: string) =>
  command('LodgeAppeal', { appealId, lodgedOn, against }, today);

// Worked case: request 1 Sep 2025, refused 6 Oct 2025; or assessed 6 Oct, "not issue" 15 Dec 2025;
// or a final plan issued 12 Jan 2026.
const reassessmentRefused = [
  ...history.planMaintained,
  on.reassessmentRequested('rea-1', '2026-09-01'),
  on.reassessmentDecided('rea-1', 'refuse', '2026-09-14'),
];
const ceasing = [...history.planMaintained, on.cessationDecided('2027-01-10')];

describe('LodgeAppeal (2nd ed.; CFA s51, DOMAIN.md "Appeals and Tribunal orders")', () => {
  describe('records an appeal against each of the six appealable decisions', () => {
    it.each<[AppealSubject, string, readonly ReturnType<typeof on.requestReceived>[], string]>([
      ['refusal_to_assess', 'the refusal to assess (s51(2)(a))', history.refused, '2025-11-01'],
      ['not_issue', 'the decision not to issue a plan (s51(2)(b))', history.notIssued, '2026-01-10'],
      ['plan_contents', "the plan's contents (s51(2)(c))", history.planMaintained, '2026-02-01'],
      ['placement', 'the school named in section I only (s51(2)(c))', history.planMaintained, '2026-02-01'],
      ['cessation', 'the decision to cease the plan (s51(2)(f))', ceasing, '2027-02-01'],
      ['refusal_to_reassess', 'a refusal to re-assess (s51(2)(d))', reassessmentRefused, '2026-10-01'],
    ])('%s: %s', (against, _title, events, lodgedOn) => {
      given(events)
        .when(lodge(against, lodgedOn))
        .then([on.appealLodged('app-1', against, lodgedOn)]);
    });
  });

  it('records an appeal lodged on the day of the decision', () => {
    given(history.refused)
      .when(lodge('refusal_to_assess', '2025-10-06'))
      .then([on.appealLodged('app-1', 'refusal_to_assess', '2025-10-06')]);
  });

  it('records an appeal on the plan while it is re-assessed and while a decision to cease is pending', () => {
    const reassessing = [
      ...history.planMaintained,
      on.reassessmentRequested('rea-1', '2026-09-01'),
      on.reassessmentDecided('rea-1', 'reassess', '2026-09-14'),
    ];
    given(reassessing)
      .when(lodge('plan_contents', '2026-10-01'))
      .then([on.appealLodged('app-1', 'plan_contents', '2026-10-01')]);
    given(ceasing)
      .when(lodge('placement', '2027-02-01'))
      .then([on.appealLodged('app-1', 'placement', '2027-02-01')]);
  });

  it('records a second appeal under another id', () => {
    given([...history.planMaintained, on.appealLodged('app-1', 'placement', '2026-02-01')])
      .when(lodge('plan_contents', '2026-02-02', 'app-2'))
      .then([on.appealLodged('app-2', 'plan_contents', '2026-02-02')]);
  });

  it('refuses an appeal id already used on the case: APPEAL_ALREADY_EXISTS', () => {
    given(history.appealed)
      .when(lodge('refusal_to_assess', '2025-11-02'))
      .thenThrows('APPEAL_ALREADY_EXISTS');
  });

  it('refuses a date in the future (DATE_IN_FUTURE) or not a date (INVALID_DATE), naming lodgedOn', () => {
    given(history.refused)
      .when(lodge('refusal_to_assess', '2025-11-02', 'app-1', '2025-11-01'))
      .thenThrows('DATE_IN_FUTURE', 'lodgedOn');
    given(history.refused)
      .when(lodge('refusal_to_assess', '01/11/2025'))
      .thenThrows('INVALID_DATE', 'lodgedOn');
  });

  describe('refuses an appeal against a decision that does not stand on the case: APPEAL_DECISION_NOT_MADE', () => {
    it.each<[string, readonly ReturnType<typeof on.requestReceived>[], AppealSubject]>([
      ['no decision whether to assess yet', history.requested, 'refusal_to_assess'],
      ['assessing: nothing appealable yet', history.assessing, 'not_issue'],
      ['drafting: no plan yet', history.drafting, 'plan_contents'],
      ['a draft is not a plan', history.draftIssued, 'placement'],
      ['a refused case has no decision on a plan', history.refused, 'not_issue'],
      ['a refused case has no plan', history.refused, 'plan_contents'],
      ['"not issue" is not a refusal to assess', history.notIssued, 'refusal_to_assess'],
      ['a maintained plan: no refusal to assess stands', history.planMaintained, 'refusal_to_assess'],
      ['a maintained plan: no decision to cease', history.planMaintained, 'cessation'],
      ['a maintained plan: no re-assessment refused', history.planMaintained, 'refusal_to_reassess'],
    ])('%s', (_title, events, against) => {
      given(events).when(lodge(against, '2027-06-01')).thenThrows('APPEAL_DECISION_NOT_MADE');
    });

    it('a refusal reversed by a decision to assess no longer stands', () => {
      const reversed = [...history.refused, on.assessed('2025-12-01'), on.notToIssue('2026-01-05')];
      given(reversed).when(lodge('refusal_to_assess', '2026-01-10')).thenThrows('APPEAL_DECISION_NOT_MADE');
    });

    it('a cessation withdrawn by an order to continue no longer stands', () => {
      const continued = [
        ...ceasing,
        on.appealLodged('app-1', 'cessation', '2027-02-01'),
        on.appealDecided('app-1', 'order', '2027-05-03'),
      ];
      given(continued)
        .when(lodge('cessation', '2027-05-10', 'app-2'))
        .thenThrows('APPEAL_DECISION_NOT_MADE');
    });
  });

  it('refuses an appeal dated before the decision it is against: APPEAL_BEFORE_DECISION', () => {
    given(history.refused)
      .when(lodge('refusal_to_assess', '2025-10-05'))
      .thenThrows('APPEAL_BEFORE_DECISION');
    given(history.notIssued).when(lodge('not_issue', '2025-12-14')).thenThrows('APPEAL_BEFORE_DECISION');
    given(history.planMaintained)
      .when(lodge('plan_contents', '2026-01-11'))
      .thenThrows('APPEAL_BEFORE_DECISION');
    given(ceasing).when(lodge('cessation', '2027-01-09')).thenThrows('APPEAL_BEFORE_DECISION');
    given(reassessmentRefused)
      .when(lodge('refusal_to_reassess', '2026-09-13'))
      .thenThrows('APPEAL_BEFORE_DECISION');
  });

  it('refuses an appeal lodged once the decision to cease has taken effect (D + 2 months + 1 day): PLAN_CEASED', () => {
    // Decided 10 Jan 2027, no appeal: the plan ceases on 11 Mar 2027.
    given(ceasing)
      .when(lodge('cessation', '2027-03-10'))
      .then([on.appealLodged('app-1', 'cessation', '2027-03-10')]);
    given(ceasing).when(lodge('cessation', '2027-03-11')).thenThrows('PLAN_CEASED');
    given(ceasing).when(lodge('plan_contents', '2027-03-11')).thenThrows('PLAN_CEASED');
  });

  it('refuses an appeal on a closed case (CASE_CLOSED) or a ceased plan (PLAN_CEASED)', () => {
    given([...history.refused, on.closed('2025-12-01')])
      .when(lodge('refusal_to_assess', '2025-12-01'))
      .thenThrows('CASE_CLOSED');
    given(history.ceased).when(lodge('plan_contents', '2027-06-01')).thenThrows('PLAN_CEASED');
  });
});

import { replay } from '../../ehcp-case/ehcp-case.evolve';
import type { EhcpCase } from '../../ehcp-case/ehcp-case.state';
import type { ViewsStage } from '../../ehcp-case/ehcp-case.vocabulary';
import { on, VIEWS_SUMMARY } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

// CFA 2014 s19(a)-(c): in exercising its functions the LA must have regard to the views, wishes and
// feelings of the child and the child's parent, or of the young person; SEND Regs 2014 reg 6(1)(a)
// (the assessment seeks them) and reg 9; SEND Code of Practice 2015 9.21-9.24 and 9.176 (reviews).
// The worked case: request 1 Sep 2025, assessed 6 Oct, draft 22 Dec 2025, final plan 12 Jan 2026.

const record = (
  gatheredOn: string,
  stage: ViewsStage = 'assessment',
  summary: string | null = VIEWS_SUMMARY,
  viewsId = 'vw-1',
  today?: string,
) => command('RecordViews', { viewsId, gatheredOn, method: 'meeting', stage, summary }, today);

describe('RecordViews (CFA 2014 s19; SEND Regs 2014 reg 6(1)(a))', () => {
  it('records views gathered for the assessment, with their summary in the personal block', () => {
    given(history.assessing)
      .when(record('2025-10-20'))
      .then([on.viewsRecorded('vw-1', '2025-10-20', 'assessment', VIEWS_SUMMARY)]);
  });

  it('keeps the date, how and what for in the state, never the summary (personal data)', () => {
    const state = replay([...history.assessing, on.viewsRecorded('vw-1', '2025-10-20')]) as EhcpCase;
    expect(state.views).toEqual([
      { viewsId: 'vw-1', gatheredOn: '2025-10-20', method: 'meeting', stage: 'assessment' },
    ]);
  });

  it('records views without a summary (personal: null); a blank one is no summary, and a summary is trimmed', () => {
    given(history.assessing)
      .when(record('2025-10-20', 'assessment', null))
      .then([on.viewsRecorded('vw-1', '2025-10-20', 'assessment', null)]);
    given(history.assessing)
      .when(record('2025-10-20', 'assessment', '  \n '))
      .then([on.viewsRecorded('vw-1', '2025-10-20', 'assessment', null)]);
    given(history.assessing)
      .when(record('2025-10-20', 'assessment', '  I like drawing.\n'))
      .then([on.viewsRecorded('vw-1', '2025-10-20', 'assessment', 'I like drawing.')]);
  });

  it('records views for the assessment at any stage, late entry included (a refused request too)', () => {
    given(history.requested)
      .when(record('2025-09-01'))
      .then([on.viewsRecorded('vw-1', '2025-09-01')]);
    given(history.refused)
      .when(record('2025-09-20'))
      .then([on.viewsRecorded('vw-1', '2025-09-20')]);
    given(history.ceased)
      .when(record('2025-10-01'))
      .then([on.viewsRecorded('vw-1', '2025-10-01')]);
  });

  it('records views on the draft once a draft was issued (reg 13(1)), of the first plan or of a re-assessment', () => {
    given(history.draftIssued)
      .when(record('2025-12-30', 'draft'))
      .then([on.viewsRecorded('vw-1', '2025-12-30', 'draft')]);
    given(history.reassessmentDraftIssued)
      .when(record('2026-11-10', 'draft'))
      .then([on.viewsRecorded('vw-1', '2026-11-10', 'draft')]);
  });

  it('refuses views on the draft before any draft was issued: VIEWS_STAGE_NOT_REACHED', () => {
    given(history.drafting).when(record('2025-12-01', 'draft')).thenThrows('VIEWS_STAGE_NOT_REACHED');
  });

  it('records views for a review once a plan exists (CFA s44; CoP 9.176), a plan transferred in included', () => {
    given(history.planMaintained)
      .when(record('2026-11-20', 'review'))
      .then([on.viewsRecorded('vw-1', '2026-11-20', 'review')]);
    given(history.transferredIn)
      .when(record('2026-02-01', 'review'))
      .then([on.viewsRecorded('vw-1', '2026-02-01', 'review')]);
  });

  it('refuses views for a review before the plan: VIEWS_STAGE_NOT_REACHED', () => {
    given(history.draftIssued).when(record('2025-12-30', 'review')).thenThrows('VIEWS_STAGE_NOT_REACHED');
  });

  it('refuses a views id already used on the case: VIEWS_ALREADY_EXISTS', () => {
    given([...history.assessing, on.viewsRecorded()])
      .when(record('2025-10-25'))
      .thenThrows('VIEWS_ALREADY_EXISTS');
  });

  it('refuses views gathered before the case began: DATE_BEFORE_REQUEST', () => {
    given(history.assessing).when(record('2025-08-31')).thenThrows('DATE_BEFORE_REQUEST');
  });

  it('refuses a date in the future (DATE_IN_FUTURE) or not a date (INVALID_DATE), naming gatheredOn', () => {
    given(history.assessing)
      .when(record('2025-10-21', 'assessment', null, 'vw-1', '2025-10-20'))
      .thenThrows('DATE_IN_FUTURE', 'gatheredOn');
    given(history.assessing).when(record('2025-02-30')).thenThrows('INVALID_DATE', 'gatheredOn');
  });

  it('refuses a summary longer than 2000 characters, or one no store can keep: INVALID_TEXT, naming summary', () => {
    given(history.assessing)
      .when(record('2025-10-20', 'assessment', 'a'.repeat(2001)))
      .thenThrows('INVALID_TEXT', 'summary');
    given(history.assessing)
      .when(record('2025-10-20', 'assessment', 'a\u0000b'))
      .thenThrows('INVALID_TEXT', 'summary');
  });

  it('takes 2000 characters, counting an emoji as one', () => {
    const summary = '\u{1F600}'.repeat(2000);
    given(history.assessing)
      .when(record('2025-10-20', 'assessment', summary))
      .then([on.viewsRecorded('vw-1', '2025-10-20', 'assessment', summary)]);
  });

  it('refuses views on a closed case: CASE_CLOSED', () => {
    given(history.closed).when(record('2025-09-05')).thenThrows('CASE_CLOSED');
  });

  it('once personal data is erased, records views only without a summary (PERSONAL_DATA_ERASED)', () => {
    const erased = [...history.planMaintained, on.erased('2026-03-01')];
    given(erased).when(record('2026-03-02', 'review')).thenThrows('PERSONAL_DATA_ERASED');
    given(erased)
      .when(record('2026-03-02', 'review', null))
      .then([on.viewsRecorded('vw-1', '2026-03-02', 'review', null)]);
  });

  it('refuses views before the request: CASE_NOT_FOUND', () => {
    given([]).when(record('2025-10-20')).thenThrows('CASE_NOT_FOUND');
  });
});

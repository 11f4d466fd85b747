import type { CorrectFact } from '../../ehcp-case/ehcp-case.commands';
import type { EhcpCaseEvent } from '../../ehcp-case/ehcp-case.events';
import { replay } from '../../ehcp-case/ehcp-case.evolve';
import type { EhcpCase } from '../../ehcp-case/ehcp-case.state';
import { sen2Of } from '../../sen2/sen2.calculator';
import { timelineOf } from '../../sen2/sen2.timeline';
import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

// DOMAIN.md (2nd ed.) "Corrections" for the facts of issue 17. The child's views (CFA 2014 s19) are
// a fact of the case: their date, how and what for are corrected or voided like any other (never the
// summary: personal data, free text). The family's link is the council's own access record: who was
// given access, and who looked, stays on it (neither corrected nor voided; revoke a link instead).
//
// history.planMaintained is revisions 0..7 (final plan 2026-01-12); then 8 views for the assessment
// gathered 2025-10-20, 9 a link issued, 10 viewed, 11 revoked.

const correct = (revision: number, changes: unknown, correctionId = 'cor-1') =>
  command('CorrectFact', {
    correctionId,
    revision,
    action: 'correct',
    changes: changes as CorrectFact['data']['changes'],
    reason: 'typing mistake',
  });
const voidFact = (revision: number) =>
  command('CorrectFact', { correctionId: 'cor-1', revision, action: 'void', reason: 'recorded in error' });
const withViews = [...history.planMaintained, on.viewsRecorded('vw-1', '2025-10-20', 'assessment')];
const withLink = [
  ...withViews,
  on.familyLinkIssued('fl-1', '2027-12-01', '2028-02-29'),
  on.familyLinkViewed('fl-1', '2027-12-02'),
  on.familyLinkRevoked('fl-1', '2027-12-10'),
];
const caseOf = (events: readonly EhcpCaseEvent[]) => replay(events) as EhcpCase;
const YEAR = { from: '2026-01-01', to: '2026-12-31' };

describe('CorrectFact: the child\u2019s views (CFA s19)', () => {
  it.each([
    [{ gatheredOn: '2025-10-22' }],
    [{ method: 'advocate' }],
    [{ stage: 'draft' }],
    [{ stage: 'review', gatheredOn: '2026-02-01' }],
  ])('corrects %j, and the case reads as if it had been recorded so', (changes) => {
    given(withViews)
      .when(correct(8, changes))
      .then([on.factCorrected(8, 'ViewsRecorded', changes)]);
    const corrected = caseOf([...withViews, on.factCorrected(8, 'ViewsRecorded', changes)]);
    expect(corrected.views).toEqual([
      { viewsId: 'vw-1', gatheredOn: '2025-10-20', method: 'meeting', stage: 'assessment', ...changes },
    ]);
  });

  it('a views date moved after the plan takes the plan out of plans_issued_with_views', () => {
    const moved = [...withViews, on.factCorrected(8, 'ViewsRecorded', { gatheredOn: '2026-01-13' })];
    expect(sen2Of([timelineOf(caseOf(withViews))!], YEAR).plans_issued_with_views).toBe(1);
    expect(sen2Of([timelineOf(caseOf(moved))!], YEAR).plans_issued_with_views).toBe(0);
  });

  it('voids views recorded in error: they count nowhere any more', () => {
    given(withViews)
      .when(voidFact(8))
      .then([on.factVoided(8, 'ViewsRecorded')]);
    const voided = caseOf([...withViews, on.factVoided(8, 'ViewsRecorded')]);
    expect(voided.views).toEqual([]);
    expect(sen2Of([timelineOf(voided)!], YEAR)).toMatchObject({
      plans_issued_with_views: 0,
      pc_plans_issued_with_views: 0,
    });
  });

  it('refuses what RecordViews would have refused: a stage not reached then (VIEWS_STAGE_NOT_REACHED)', () => {
    // Views recorded while the case was assessed (revision 2), named as views on a draft.
    const early = [...history.assessing, on.viewsRecorded('vw-1', '2025-10-20')];
    given(early)
      .when(correct(2, { stage: 'draft' }))
      .thenThrows('VIEWS_STAGE_NOT_REACHED');
    given(early)
      .when(correct(2, { stage: 'review' }))
      .thenThrows('VIEWS_STAGE_NOT_REACHED');
  });

  it('refuses voiding the draft that views on the draft followed: VIEWS_STAGE_NOT_REACHED', () => {
    const onTheDraft = [...history.draftIssued, on.viewsRecorded('vw-1', '2025-12-30', 'draft')];
    given(onTheDraft).when(voidFact(5)).thenThrows('VIEWS_STAGE_NOT_REACHED');
  });

  it('refuses a views date before the request (DATE_BEFORE_REQUEST) or in the future (DATE_IN_FUTURE)', () => {
    given(withViews)
      .when(correct(8, { gatheredOn: '2025-08-31' }))
      .thenThrows('DATE_BEFORE_REQUEST');
    given(withViews)
      .when(correct(8, { gatheredOn: '2028-01-01' }))
      .thenThrows('DATE_IN_FUTURE', 'changes.gatheredOn');
  });

  it('refuses a method or stage outside its vocabulary: CORRECTION_VALUE_INVALID', () => {
    given(withViews)
      .when(correct(8, { method: 'telepathy' }))
      .thenThrows('CORRECTION_VALUE_INVALID', 'changes.method');
    given(withViews)
      .when(correct(8, { stage: 'tribunal' }))
      .thenThrows('CORRECTION_VALUE_INVALID', 'changes.stage');
  });

  it.each([
    ['personal', { summary: 'other words' }],
    ['viewsId', 'vw-2'],
  ])('never corrects %s: CORRECTION_FIELD_NOT_CORRECTABLE', (field, value) => {
    given(withViews)
      .when(correct(8, { [field]: value }))
      .thenThrows('CORRECTION_FIELD_NOT_CORRECTABLE', `changes.${field}`);
  });
});

describe('CorrectFact: the family\u2019s link (the council\u2019s own access record)', () => {
  it.each([
    [9, 'FamilyLinkIssued'],
    [10, 'FamilyLinkViewed'],
    [11, 'FamilyLinkRevoked'],
  ])('revision %s (%s) is never voided: CORRECTION_NOT_ALLOWED', (revision) => {
    given(withLink).when(voidFact(revision)).thenThrows('CORRECTION_NOT_ALLOWED');
  });

  it.each([
    [9, 'expiresOn', '2028-03-31'],
    [9, 'issuedOn', '2027-11-30'],
    [9, 'tokenHash', 'other'],
    [10, 'viewedOn', '2027-12-03'],
    [11, 'revokedOn', '2027-12-11'],
  ])('revision %s: %s is never corrected: CORRECTION_FIELD_NOT_CORRECTABLE', (revision, field, value) => {
    given(withLink)
      .when(correct(revision, { [field]: value }))
      .thenThrows('CORRECTION_FIELD_NOT_CORRECTABLE', `changes.${field}`);
  });

  it('stands through a correction of an earlier fact (nothing of it is decided again)', () => {
    given(withLink)
      .when(correct(8, { gatheredOn: '2025-10-22' }))
      .then([on.factCorrected(8, 'ViewsRecorded', { gatheredOn: '2025-10-22' })]);
    const corrected = caseOf([
      ...withLink,
      on.factCorrected(8, 'ViewsRecorded', { gatheredOn: '2025-10-22' }),
    ]);
    expect(corrected.familyLinks).toEqual(caseOf(withLink).familyLinks);
  });
});

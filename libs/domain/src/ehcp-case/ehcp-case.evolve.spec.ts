import { CHILD, DRAFT_SECTIONS, on, PLACEMENT } from '../testing/case-events';
import { history } from '../testing/ehcp-case.fixtures';
import type { EhcpCaseEvent } from './ehcp-case.events';
import { evolve, InvalidEventError, replay } from './ehcp-case.evolve';
import { initialState, type EhcpCase } from './ehcp-case.state';

const caseOf = (events: readonly EhcpCaseEvent[]) => replay(events) as EhcpCase;

describe('evolve', () => {
  it.each([
    ['requested', history.requested],
    ['assessing', history.assessing],
    ['refused_to_assess', history.refused],
    ['drafting', history.drafting],
    ['not_issued', history.notIssued],
    ['draft_issued', history.draftIssued],
    ['plan_maintained', history.planMaintained],
    ['ceased', history.ceased],
    ['closed', history.closed],
  ])('reaches stage %s', (stage, events) => {
    expect(replay(events).stage).toBe(stage);
  });

  it('starts with no case', () => {
    expect(initialState).toEqual({ stage: 'none' });
  });

  it('keeps the fields of the opened case, in their order, whatever facts follow (the state is stored as JSON)', () => {
    const opened = caseOf([history.planMaintained[0]]);
    for (let count = 2; count <= history.planMaintained.length; count += 1)
      expect(Object.keys(caseOf(history.planMaintained.slice(0, count)))).toEqual(Object.keys(opened));
    expect(Object.keys(opened.history)).toEqual(['revision', 'facts', 'voidedRevisions', 'correctionIds']);
  });

  it('keeps no personal data in the state', () => {
    expect(JSON.stringify(replay(history.planMaintained))).not.toContain(CHILD.lastName);
  });

  it('records the case facts', () => {
    const state = caseOf([
      ...history.planMaintained,
      { type: 'CaseworkerAssigned', data: { caseworkerId: 'cw-2', assignedOn: '2026-01-13' } },
      on.erased('2026-02-01'),
    ]);
    expect(state).toMatchObject({
      caseId: 'case-1',
      reference: 'EHC-0001',
      team: 'north',
      caseworkerId: 'cw-2',
      requestReceivedOn: '2025-09-01',
      draftIssuedOn: '2025-12-22',
      finalPlan: { issuedOn: '2026-01-12', placement: PLACEMENT },
      personalDataErasedOn: '2026-02-01',
      lastFactOn: '2026-01-12',
    });
  });

  it('ignores exceptions, audits, assignments and erasure for the latest fact date', () => {
    const state = caseOf([
      ...history.draftIssued,
      on.exception('absence_from_area', '2026-03-01', '2026-04-01'),
      on.qaAudited('qa-1', '2026-05-01'),
      { type: 'CaseworkerAssigned', data: { caseworkerId: 'cw-2', assignedOn: '2026-06-01' } },
      on.erased('2026-07-01'),
    ]);
    expect(state.lastFactOn).toBe('2025-12-22');
  });

  describe('(2nd ed.) an amendment notice is linked to the review decided "amend" it follows (reg 22(2))', () => {
    const reviewed = [
      ...history.planMaintained,
      on.reviewHeld('rev-1', '2026-12-01'),
      on.reviewDecided('rev-1', 'amend', '2026-12-20'),
    ];
    const reviewIds = (events: readonly EhcpCaseEvent[]) =>
      caseOf(events).amendmentNotices.map((notice) => notice.reviewId);

    it('keeps the link decide stored, or its absence (null)', () => {
      expect(reviewIds([...reviewed, on.noticeIssued('not-1', '2026-12-21', 'rev-1')])).toEqual(['rev-1']);
      expect(reviewIds([...reviewed, on.noticeIssued('not-1', '2026-12-21', null)])).toEqual([null]);
    });

    it('links a notice stored before the link existed by the default rule: the latest review decided "amend" with no notice', () => {
      const twoReviews = [
        ...reviewed,
        on.reviewHeld('rev-2', '2027-01-10'),
        on.reviewDecided('rev-2', 'amend', '2027-01-20'),
      ];
      expect(
        reviewIds([
          ...twoReviews,
          on.noticeIssued('not-1', '2027-01-25'),
          on.noticeIssued('not-2', '2027-01-26'),
        ]),
      ).toEqual(['rev-2', 'rev-1']);
    });

    it('links a stored notice to no review when none decided "amend" awaits one at or before its date', () => {
      expect(reviewIds([...history.planMaintained, on.noticeIssued('not-1', '2027-01-05')])).toEqual([null]);
      expect(
        reviewIds([
          ...history.planMaintained,
          on.reviewHeld('rev-1', '2026-12-01'),
          on.reviewDecided('rev-1', 'maintain', '2026-12-20'),
          on.noticeIssued('not-1', '2027-01-05'),
        ]),
      ).toEqual([null]);
      expect(reviewIds([...reviewed, on.noticeIssued('not-1', '2026-11-30')])).toEqual([null]);
      expect(
        reviewIds([
          ...reviewed,
          on.noticeIssued('not-1', '2026-12-21'),
          on.noticeIssued('not-2', '2026-12-22'),
        ]),
      ).toEqual(['rev-1', null]);
    });
  });

  describe('rejects events that cannot follow the state (InvalidEventError)', () => {
    it.each<[string, readonly EhcpCaseEvent[], EhcpCaseEvent]>([
      ['an event before the request', [], on.assessed()],
      ['a second request', history.requested, on.requestReceived()],
      ['unknown advice', history.assessing, on.adviceReceived('adv-9')],
      ['unknown exception', history.requested, on.exceptionEnded('2025-10-01', 'exc-9')],
      ['unknown consultation', history.draftIssued, on.consultationAnswered('con-9')],
      ['unknown review', history.planMaintained, on.reviewDecided('rev-9')],
      ['unknown notice (representations)', history.planMaintained, on.amendmentRepresentations('not-9')],
      ['unknown notice (amended plan)', history.planMaintained, on.amendedIssued('not-9')],
      ['a correction before the request', [], on.factVoided(0, 'RequestReceived')],
      ["a child's correction before the request", [], on.childCorrected()],
      ['a correction of no fact', history.planMaintained, on.factCorrected(8, 'FinalPlanIssued', {})],
      [
        'a voiding of a voided fact',
        [...history.planMaintained, on.factVoided(6, 'RepresentationsReceived')],
        on.factVoided(6, 'RepresentationsReceived', 'cor-2'),
      ],
      ['a voiding that leaves no request', history.requested, on.factVoided(0, 'RequestReceived')],
    ])('%s', (_title, events, event) => {
      expect(() => evolve(replay(events), event)).toThrow(InvalidEventError);
    });
  });

  describe('(2nd ed.) corrections: the history of facts as they stand', () => {
    it('numbers every event by its stream revision and keeps each fact without personal data', () => {
      const state = caseOf([...history.assessing, on.childCorrected(), on.caseworkerAssigned('cw-2')]);
      expect(state.history).toEqual({
        revision: 3,
        facts: [
          {
            revision: 0,
            event: { ...on.requestReceived(), data: { ...on.requestReceived().data, personal: null } },
          },
          { revision: 1, event: on.assessed() },
          { revision: 3, event: on.caseworkerAssigned('cw-2') },
        ],
        voidedRevisions: [],
        correctionIds: [],
      });
      expect(JSON.stringify(state)).not.toContain(CHILD.firstName);
    });

    it('a correction replaces the fact as it stands and re-folds the case from the facts', () => {
      const state = caseOf([
        ...history.planMaintained,
        on.factCorrected(5, 'DraftPlanIssued', { issuedOn: '2025-12-23' }),
      ]);
      expect(state.draftIssuedOn).toBe('2025-12-23');
      expect(state.history.facts[5]).toEqual({ revision: 5, event: on.draftIssued('2025-12-23') });
      expect(state.history).toMatchObject({ revision: 8, correctionIds: ['cor-1'], voidedRevisions: [] });
    });

    it('a voiding removes the fact: the case reads as if it had never been recorded', () => {
      const state = caseOf([
        ...history.assessing,
        on.caseworkerAssigned('cw-2'),
        on.factVoided(2, 'CaseworkerAssigned'),
      ]);
      expect(state.caseworkerId).toBeNull();
      expect(state.history).toMatchObject({ revision: 3, voidedRevisions: [2], correctionIds: ['cor-1'] });
      expect(state.history.facts.map((f) => f.revision)).toEqual([0, 1]);
    });

    it('a corrected dotted field changes the one sub-field', () => {
      const state = caseOf([
        ...history.draftIssued,
        on.qaAudited('qa-1', '2025-12-23'),
        on.factCorrected(6, 'QaAuditRecorded', {
          'sections.B': 'inadequate',
          overallGrade: 'requires_improvement',
        }),
      ]);
      const audit = state.history.facts[6].event;
      expect(audit.type === 'QaAuditRecorded' && audit.data.sections).toEqual({
        ...DRAFT_SECTIONS,
        B: 'inadequate',
      });
      expect(state.qaAudits[0].overallGrade).toBe('requires_improvement');
    });
  });
});

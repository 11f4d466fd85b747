import { deadlinesOf } from '../../deadlines/deadline.calculator';
import { CORRECTABLE_FIELDS } from '../../corrections/correctable-facts';
import type { CorrectFact } from '../../ehcp-case/ehcp-case.commands';
import type { EhcpCaseEvent, FactEvent } from '../../ehcp-case/ehcp-case.events';
import { decide } from '../../ehcp-case/ehcp-case.decider';
import { replay } from '../../ehcp-case/ehcp-case.evolve';
import type { EhcpCase } from '../../ehcp-case/ehcp-case.state';
import { overallGradeOf } from '../../qa/qa-grade';
import { timelineOf } from '../../sen2/sen2.timeline';
import { DomainError } from '../../shared/domain-error';
import { GOOD_SECTIONS, on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';
import { correctFact } from './correct-fact.decider';

// DOMAIN.md (2nd ed.) "Corrections": a recorded fact, named by its stream revision, is corrected (a
// date or a choice, with a reason) or voided as recorded in error; everything derived is as if the
// corrected value had been recorded in the first place; a correction that would make the history
// invalid is refused with the code the original command would have got.
//
// The worked case (history.planMaintained), by revision: 0 request 2025-09-01, 1 decision to assess
// 2025-10-06, 2 advice requested 2025-10-07, 3 advice received 2025-11-10, 4 decision to issue
// 2025-12-15, 5 draft 2025-12-22, 6 representations 2026-01-02, 7 final plan 2026-01-12.

const REASON = 'typing mistake';
const correct = (revision: number, changes: unknown, correctionId = 'cor-1') =>
  command('CorrectFact', {
    correctionId,
    revision,
    action: 'correct',
    changes: changes as CorrectFact['data']['changes'],
    reason: REASON,
  });
const voidFact = (revision: number, correctionId = 'cor-1') =>
  command('CorrectFact', { correctionId, revision, action: 'void', reason: 'recorded in error' });
// A final plan after the 15-day window (D + 15), with no representations.
const withoutRepresentations = [...history.draftIssued, on.finalIssued('2026-01-06')];
const caseOf = (events: readonly EhcpCaseEvent[]) => replay(events) as EhcpCase;
const deadline = (events: readonly EhcpCaseEvent[], id: string) =>
  deadlinesOf(caseOf(events)).find((d) => d.id === id);

describe('CorrectFact: correct a recorded date or choice', () => {
  it('corrects the final plan date, recording the change and its reason', () => {
    given(history.planMaintained)
      .when(correct(7, { issuedOn: '2026-01-26' }))
      .then([on.factCorrected(7, 'FinalPlanIssued', { issuedOn: '2026-01-26' })]);
  });

  it('recomputes deadlines and SEN2 as if the corrected date had been recorded (reg 13(2): met late)', () => {
    const corrected = [
      ...history.planMaintained,
      on.factCorrected(7, 'FinalPlanIssued', { issuedOn: '2026-01-26' }),
    ];
    expect(deadline(history.planMaintained, 'final_plan')).toMatchObject({
      dueOn: '2026-01-19',
      metOn: '2026-01-12',
    });
    expect(deadline(corrected, 'final_plan')).toMatchObject({ dueOn: '2026-01-19', metOn: '2026-01-26' });
    expect(timelineOf(caseOf(corrected))).toMatchObject({ firstFinalPlanIssuedOn: '2026-01-26' });
  });

  it('corrects the request date: every initial clock starts again from it (reg 5(1), 10(1), 13(2))', () => {
    const events = [
      ...history.planMaintained,
      on.factCorrected(0, 'RequestReceived', { requestReceivedOn: '2025-09-08' }),
    ];
    given(history.planMaintained)
      .when(correct(0, { requestReceivedOn: '2025-09-08' }))
      .then([events[events.length - 1]]);
    expect(caseOf(events).requestReceivedOn).toBe('2025-09-08');
    expect(deadline(events, 'final_plan')).toMatchObject({ startsOn: '2025-09-08', dueOn: '2026-01-26' });
  });

  it('corrects a choice: a refusal to assess recorded as a decision to assess', () => {
    const events = [
      ...history.refused,
      on.factCorrected(1, 'AssessmentDecisionMade', { decision: 'assess' }),
    ];
    given(history.refused)
      .when(correct(1, { decision: 'assess' }))
      .then([events[2]]);
    expect(caseOf(events).stage).toBe('assessing');
    expect(deadline(events, 'final_plan')?.cancelled).toBe(false);
  });

  it('clears the end of an exception recorded as ended (an optional date may be null)', () => {
    const recorded = [...history.assessing, on.exception('absence_from_area', '2025-10-10', '2025-11-20')];
    given(recorded)
      .when(correct(2, { endedOn: null }))
      .then([on.factCorrected(2, 'TimescaleExceptionRecorded', { endedOn: null })]);
  });

  it('moves the end of an exception (reg 10(4): the period it covers)', () => {
    const recorded = [...history.assessing, on.exception('absence_from_area', '2025-10-10', '2025-11-20')];
    given(recorded)
      .when(correct(2, { endedOn: '2025-11-25' }))
      .then([on.factCorrected(2, 'TimescaleExceptionRecorded', { endedOn: '2025-11-25' })]);
  });

  it('corrects a fact already corrected: the new values apply to the fact as it stands', () => {
    const once = [
      ...history.planMaintained,
      on.factCorrected(7, 'FinalPlanIssued', { issuedOn: '2026-01-26' }),
    ];
    given(once)
      .when(correct(7, { issuedOn: '2026-01-27' }, 'cor-2'))
      .then([on.factCorrected(7, 'FinalPlanIssued', { issuedOn: '2026-01-27' }, 'cor-2')]);
    const twice = [...once, on.factCorrected(7, 'FinalPlanIssued', { issuedOn: '2026-01-27' }, 'cor-2')];
    expect(caseOf(twice).finalPlan?.issuedOn).toBe('2026-01-27');
  });

  it('re-grades a QA audit section: the overall grade is derived again and recorded with the change', () => {
    const audited = [...history.draftIssued, on.qaAudited('qa-1', '2025-12-23')];
    const sections = { ...GOOD_SECTIONS, B: 'inadequate', E: 'inadequate', F: 'inadequate' } as const;
    const regraded = { 'sections.B': 'inadequate', 'sections.E': 'inadequate', 'sections.F': 'inadequate' };
    given(audited)
      .when(correct(6, regraded))
      .then([
        on.factCorrected(6, 'QaAuditRecorded', { ...regraded, overallGrade: overallGradeOf(sections) }),
      ]);
    expect(overallGradeOf(sections)).not.toBe(overallGradeOf(GOOD_SECTIONS));
  });

  it('keeps the recorded overall grade when no section changes', () => {
    const audited = [...history.draftIssued, on.qaAudited('qa-1', '2025-12-23')];
    given(audited)
      .when(correct(6, { auditorRole: 'education' }))
      .then([on.factCorrected(6, 'QaAuditRecorded', { auditorRole: 'education' })]);
  });

  it('decides a phase transfer again on the day it was recorded, not on the correction day (reg 18(1))', () => {
    // Recorded 2026-03-01 for 2027: its 14 February has passed by TODAY (2027-12-31).
    const planned = [
      ...history.planMaintained,
      on.transferPlanned('tr-1', 'school_phase', 2027, '2026-03-01'),
    ];
    given(planned)
      .when(correct(8, { kind: 'post16' }))
      .then([on.factCorrected(8, 'PhaseTransferPlanned', { kind: 'post16' })]);
  });
});

describe('CorrectFact: void a fact recorded in error', () => {
  it('voids a timescale exception: no deadline counts it any more (reg 10(4))', () => {
    const recorded = [...history.assessing, on.exception('absence_from_area', '2025-10-10', '2025-11-20')];
    given(recorded)
      .when(voidFact(2))
      .then([on.factVoided(2, 'TimescaleExceptionRecorded')]);
    const voided = [...recorded, on.factVoided(2, 'TimescaleExceptionRecorded')];
    expect(caseOf(recorded).exceptions).toHaveLength(1);
    expect(caseOf(voided).exceptions).toEqual([]);
    expect(deadline(voided, 'final_plan')?.exceptionApplies).toBe(false);
  });

  it('voids a closure recorded on the wrong case: the case is open again', () => {
    const closed = [...history.assessing, on.closed('2025-10-20')];
    given(closed)
      .when(voidFact(2))
      .then([on.factVoided(2, 'CaseClosed')]);
    expect(caseOf([...closed, on.factVoided(2, 'CaseClosed')]).stage).toBe('assessing');
  });
});

describe('CorrectFact: a correction that makes the history invalid gets the original refusal', () => {
  it('a decision to assess moved before its request: DATE_BEFORE_REQUEST', () => {
    given(history.planMaintained)
      .when(correct(1, { decidedOn: '2025-08-29' }))
      .thenThrows('DATE_BEFORE_REQUEST');
  });

  it('a request moved after the decision that follows it: DATE_BEFORE_REQUEST', () => {
    given(history.planMaintained)
      .when(correct(0, { requestReceivedOn: '2025-10-10' }))
      .thenThrows('DATE_BEFORE_REQUEST');
  });

  it('a final plan moved inside the representation window, D .. D + 14 (reg 13(1)): FINAL_PLAN_INSIDE_REPRESENTATION_WINDOW', () => {
    // Draft 2025-12-22; the representations came on 2026-01-02, after 2026-01-01.
    given(history.planMaintained)
      .when(correct(7, { issuedOn: '2026-01-01' }))
      .thenThrows('FINAL_PLAN_INSIDE_REPRESENTATION_WINDOW');
  });

  it('voiding the representations an early final plan relied on (reg 13(1)): FINAL_PLAN_INSIDE_REPRESENTATION_WINDOW', () => {
    const early = [...history.draftIssued, on.representations('2026-01-02'), on.finalIssued('2026-01-02')];
    given(early).when(voidFact(6)).thenThrows('FINAL_PLAN_INSIDE_REPRESENTATION_WINDOW');
  });

  it('voiding the draft a final plan followed: FINAL_PLAN_BEFORE_DRAFT', () => {
    given(withoutRepresentations).when(voidFact(5)).thenThrows('FINAL_PLAN_BEFORE_DRAFT');
  });

  it('refuses with the first fact the corrected history breaks: REPRESENTATIONS_BEFORE_DRAFT', () => {
    given(history.planMaintained).when(voidFact(5)).thenThrows('REPRESENTATIONS_BEFORE_DRAFT');
  });

  it('voiding the advice request its receipt answers: ADVICE_NOT_FOUND', () => {
    given(history.planMaintained).when(voidFact(2)).thenThrows('ADVICE_NOT_FOUND');
  });

  it('a decision to assess corrected to a refusal, with advice and a plan after it: ASSESSMENT_REFUSED', () => {
    given(history.planMaintained)
      .when(correct(1, { decision: 'refuse' }))
      .thenThrows('ASSESSMENT_REFUSED');
  });

  it('says which fact would be refused', () => {
    expect(() => decide(voidFact(5), replay(withoutRepresentations))).toThrow(
      /FinalPlanIssued at revision 6 would be refused/,
    );
  });

  it("is not stopped by a fact that today's rules refuse in the recorded history too", () => {
    // Recorded under older rules: advice received before it was requested (refused today).
    const legacy = [
      ...history.assessing,
      on.adviceRequested('adv-1', '2025-10-07'),
      on.adviceReceived('adv-1', '2025-10-06'),
    ];
    given(legacy)
      .when(correct(1, { decidedOn: '2025-10-03' }))
      .then([on.factCorrected(1, 'AssessmentDecisionMade', { decidedOn: '2025-10-03' })]);
    // ...but a correction that breaks it some other way is refused.
    given(legacy).when(voidFact(2)).thenThrows('ADVICE_NOT_FOUND');
  });
});

describe('CorrectFact: what cannot be corrected', () => {
  it.each([99, -1, 1.5])('revision %s names no event: CORRECTION_TARGET_NOT_FOUND', (revision) => {
    given(history.planMaintained).when(voidFact(revision)).thenThrows('CORRECTION_TARGET_NOT_FOUND');
  });

  it('a correction is not corrected: CORRECTION_NOT_ALLOWED', () => {
    const corrected = [
      ...history.planMaintained,
      on.factCorrected(7, 'FinalPlanIssued', { issuedOn: '2026-01-26' }),
    ];
    given(corrected)
      .when(correct(8, { issuedOn: '2026-01-27' }, 'cor-2'))
      .thenThrows('CORRECTION_NOT_ALLOWED');
    given(corrected).when(voidFact(8, 'cor-2')).thenThrows('CORRECTION_NOT_ALLOWED');
  });

  it("a correction of the child's details is not a fact to correct: CORRECTION_NOT_ALLOWED", () => {
    given([...history.requested, on.childCorrected()])
      .when(voidFact(1))
      .thenThrows('CORRECTION_NOT_ALLOWED');
  });

  it('a voided fact is neither corrected nor voided again: CORRECTION_NOT_ALLOWED', () => {
    const voided = [...history.planMaintained, on.factVoided(6, 'RepresentationsReceived')];
    given(voided)
      .when(correct(6, { receivedOn: '2026-01-03' }, 'cor-2'))
      .thenThrows('CORRECTION_NOT_ALLOWED');
    given(voided).when(voidFact(6, 'cor-2')).thenThrows('CORRECTION_NOT_ALLOWED');
  });

  it('the request is not voided (close the case instead): CORRECTION_NOT_ALLOWED', () => {
    given(history.planMaintained).when(voidFact(0)).thenThrows('CORRECTION_NOT_ALLOWED');
  });

  it('an erasure is neither voided nor corrected', () => {
    const erased = [...history.planMaintained, on.erased('2026-02-01')];
    given(erased).when(voidFact(8)).thenThrows('CORRECTION_NOT_ALLOWED');
    given(erased)
      .when(correct(8, { erasedOn: '2026-02-02' }))
      .thenThrows('CORRECTION_FIELD_NOT_CORRECTABLE', 'changes.erasedOn');
  });

  it.each([
    [0, 'caseId', 'case-2'],
    [0, 'team', 'south'],
    [0, 'reference', 'EHC-2'],
    [0, 'personal', null],
    [2, 'adviceId', 'adv-2'],
    [7, 'placement', 'Hill School'],
    [7, 'unknown', '2026-01-12'],
  ])(
    'revision %s: %s is not a correctable date or choice: CORRECTION_FIELD_NOT_CORRECTABLE',
    (revision, field, value) => {
      given(history.planMaintained)
        .when(correct(revision, { [field]: value }))
        .thenThrows('CORRECTION_FIELD_NOT_CORRECTABLE', `changes.${field}`);
    },
  );

  it('a new value of the wrong kind names its change', () => {
    const planned = [
      ...history.planMaintained,
      on.transferPlanned('tr-1', 'school_phase', 2028, '2026-03-01'),
    ];
    const cases: [readonly EhcpCaseEvent[], CorrectFact, string, string][] = [
      [history.planMaintained, correct(7, { issuedOn: '2026-02-30' }), 'INVALID_DATE', 'changes.issuedOn'],
      [history.planMaintained, correct(7, { issuedOn: 20260112 }), 'INVALID_DATE', 'changes.issuedOn'],
      [history.planMaintained, correct(7, { issuedOn: '2028-01-01' }), 'DATE_IN_FUTURE', 'changes.issuedOn'],
      [
        history.planMaintained,
        correct(1, { decision: 'maybe' }),
        'CORRECTION_VALUE_INVALID',
        'changes.decision',
      ],
      [planned, correct(8, { transferYear: '2029' }), 'CORRECTION_VALUE_INVALID', 'changes.transferYear'],
      [planned, correct(8, { transferYear: 2100 }), 'INVALID_TRANSFER_YEAR', 'changes.transferYear'],
    ];
    for (const [events, when, code, field] of cases)
      given(events)
        .when(when)
        .thenThrows(code as 'INVALID_DATE', field);
  });

  it('a section that must be graded cannot be not_applicable: QA_SECTION_GRADE_INVALID', () => {
    given([...history.draftIssued, on.qaAudited('qa-1', '2025-12-23')])
      .when(correct(6, { 'sections.B': 'not_applicable' }))
      .thenThrows('QA_SECTION_GRADE_INVALID', 'changes.sections.B');
  });

  it.each([[undefined], [null], [{}], [['issuedOn']], ['2026-01-26']])(
    'a correction without changes (%j): CORRECTION_CHANGES_INVALID',
    (changes) => {
      given(history.planMaintained)
        .when(correct(7, changes))
        .thenThrows('CORRECTION_CHANGES_INVALID', 'changes');
    },
  );

  it.each([[{ issuedOn: '2026-01-26' }], [['x']]])(
    'a void with changes (%j): CORRECTION_CHANGES_INVALID',
    (changes) => {
      given(history.planMaintained)
        .when({ ...voidFact(7), data: { ...voidFact(7).data, changes } } as CorrectFact)
        .thenThrows('CORRECTION_CHANGES_INVALID', 'changes');
    },
  );

  it('a void may say `changes: {}`', () => {
    const voiding = voidFact(6);
    given(history.planMaintained)
      .when({ ...voiding, data: { ...voiding.data, changes: {} } })
      .then([on.factVoided(6, 'RepresentationsReceived')]);
  });

  it.each(['', '   ', undefined])(
    'a correction without a reason (%j): CORRECTION_REASON_REQUIRED',
    (reason) => {
      const voiding = voidFact(7);
      given(history.planMaintained)
        .when({ ...voiding, data: { ...voiding.data, reason: reason as string } })
        .thenThrows('CORRECTION_REASON_REQUIRED', 'reason');
    },
  );

  it('a correction id is used once: CORRECTION_ALREADY_EXISTS', () => {
    given([...history.planMaintained, on.factCorrected(7, 'FinalPlanIssued', { issuedOn: '2026-01-26' })])
      .when(correct(7, { issuedOn: '2026-01-27' }))
      .thenThrows('CORRECTION_ALREADY_EXISTS');
  });

  it('an invalid refusal of the corrected history that no change explains names the revision', () => {
    // A stand-in decide that refuses, without naming a field, a final plan after any other draft date.
    const refusing = (when: { type: string }, state: unknown) => {
      if (when.type === 'IssueFinalPlan' && (state as EhcpCase).draftIssuedOn !== '2025-12-22')
        throw new DomainError('INVALID_DATE', 'odd');
      return [];
    };
    const state = replay(history.planMaintained);
    for (const when of [voidFact(5), correct(5, { issuedOn: '2025-12-23' })])
      expect(() => correctFact(when, state, refusing)).toThrow(
        expect.objectContaining({ code: 'INVALID_DATE', field: 'revision' }),
      );
  });
});

describe('CorrectFact: a failure that is no refusal', () => {
  it('lets a failure of decide that is no refusal through (a bug is not a refused correction)', () => {
    const failing = () => {
      throw new TypeError('bug');
    };
    expect(() => correctFact(voidFact(6), replay(history.planMaintained), failing)).toThrow(TypeError);
  });
});

describe('CORRECTABLE_FIELDS', () => {
  // One recorded fact of every type, as the builders make them.
  const facts: { readonly [T in FactEvent['type']]: EhcpCaseEvent } = {
    RequestReceived: on.requestReceived(),
    CaseworkerAssigned: on.caseworkerAssigned(),
    AssessmentDecisionMade: on.assessed(),
    AdviceRequested: on.adviceRequested(),
    AdviceReceived: on.adviceReceived(),
    TimescaleExceptionRecorded: on.exception('absence_from_area', '2025-10-10'),
    TimescaleExceptionEnded: on.exceptionEnded('2025-11-10'),
    PlanDecisionMade: on.toIssue(),
    DraftPlanIssued: on.draftIssued(),
    RepresentationsReceived: on.representations(),
    InstitutionConsulted: on.consulted(),
    ConsultationResponseReceived: on.consultationAnswered(),
    FinalPlanIssued: on.finalIssued(),
    QaAuditRecorded: on.qaAudited(),
    ReviewMeetingHeld: on.reviewHeld(),
    ReviewDecisionMade: on.reviewDecided(),
    AmendmentNoticeIssued: on.noticeIssued(),
    AmendmentRepresentationsReceived: on.amendmentRepresentations(),
    AmendedPlanIssued: on.amendedIssued(),
    NoAmendmentDecided: on.noAmendment(),
    PhaseTransferPlanned: on.transferPlanned(),
    PlanCeased: on.ceased(),
    CaseClosed: on.closed(),
    PersonalDataErased: on.erased(),
    PlanTransferredIn: on.transferredIn(),
    TransferNoticeIssued: on.transferNoticeIssued(),
    ReassessmentRequested: on.reassessmentRequested(),
    ReassessmentDecisionMade: on.reassessmentDecided(),
    PlanKeptUnchanged: on.planKeptUnchanged(),
    AppealLodged: on.appealLodged(),
    AppealOutcomeRecorded: on.appealDecided(),
    MediationStarted: on.mediationStarted(),
    MediationEnded: on.mediationEnded(),
    CessationDecided: on.cessationDecided(),
    ViewsRecorded: on.viewsRecorded(),
    FamilyLinkIssued: on.familyLinkIssued(),
    FamilyLinkRevoked: on.familyLinkRevoked(),
    FamilyLinkViewed: on.familyLinkViewed(),
  };

  it.each(Object.entries(facts))('names fields %s records', (type, event) => {
    const data = event.data as unknown as Record<string, Record<string, unknown>>;
    for (const field of Object.keys(CORRECTABLE_FIELDS[type as FactEvent['type']])) {
      const [head, child] = field.split('.');
      expect(Object.keys(child === undefined ? data : data[head])).toContain(child ?? head);
    }
  });

  it('never an id, a team or personal data', () => {
    const fields = Object.values(CORRECTABLE_FIELDS).flatMap((fields) => Object.keys(fields));
    expect(fields.filter((field) => /Id$|^team$|^personal$|^caseId$/.test(field))).toEqual([]);
  });
});

import { correctedEvent } from '../corrections/correctable-facts';
import { assertNever } from '../shared/assert-never';
import { maxDate } from '../shared/local-date';
import type {
  AmendmentNoticeIssued,
  AppealLodged,
  EhcpCaseEvent,
  FactEvent,
  PlanTransferredIn,
  RequestReceived,
} from './ehcp-case.events';
import {
  initialState,
  openReassessment,
  type Appeal,
  type Reassessment,
  reviewAwaitingNotice,
  type CaseHistory,
  type EhcpCase,
  type EhcpCaseState,
  type RecordedFact,
} from './ehcp-case.state';

/**
 * A stored event that cannot follow the state it is applied to (an event before the request, a
 * second request, an unknown sub-resource id). decide never emits such events, so this signals a
 * corrupted or mis-ordered stream, not a user mistake.
 */
export class InvalidEventError extends Error {
  constructor(
    readonly eventType: string,
    message: string,
  ) {
    super(`${eventType}: ${message}`);
    this.name = 'InvalidEventError';
  }
}

/**
 * Folds one event into the case state. Pure; never consults the clock. (2nd ed.) Corrections: each
 * fact is folded by `evolveFact` and kept, as it stands, in the state's `history`; a correction or a
 * voiding re-folds the facts with the one it names replaced or removed, so that everything derived
 * (stage, deadlines, SEN2) is as if the corrected fact had been recorded in the first place.
 */
export function evolve(state: EhcpCaseState, event: EhcpCaseEvent): EhcpCaseState {
  switch (event.type) {
    case 'FactCorrected': {
      const { correctionId, revision, changes } = event.data;
      const fact = standingFact(state, event.type, revision);
      return refolded(state, event.type, correctionId, (facts) =>
        facts.map((f) => (f === fact ? { revision, event: correctedEvent(f.event, changes) } : f)),
      );
    }
    case 'FactVoided': {
      const { correctionId, revision } = event.data;
      const fact = standingFact(state, event.type, revision);
      return refolded(state, event.type, correctionId, (facts) => facts.filter((f) => f !== fact), revision);
    }
    case 'ChildDetailsCorrected': {
      const current = existingCase(state, event.type);
      return caseWith(current, UNCHANGED, { ...current.history, revision: current.history.revision + 1 });
    }
    default:
      return caseAfter(state, event, withFact(state, event));
  }
}

/** Folds a whole stream, from the initial state. */
export function replay(events: readonly EhcpCaseEvent[], from: EhcpCaseState = initialState): EhcpCaseState {
  return events.reduce(evolve, from);
}

/** Folds facts as they stand (e.g. a corrected history), from the initial state. */
export function replayFacts(
  facts: readonly RecordedFact[],
  from: EhcpCaseState = initialState,
): EhcpCaseState {
  return facts.reduce((state, fact) => evolveFact(state, fact.event), from);
}

const NO_HISTORY: CaseHistory = { revision: -1, facts: [], voidedRevisions: [], correctionIds: [] };

/** Some of a case's fields, as a fact changes them (never its history: evolve keeps that). */
type CaseChanges = Partial<Omit<EhcpCase, 'history'>>;

const UNCHANGED: CaseChanges = {};

function existingCase(state: EhcpCaseState, eventType: string): EhcpCase {
  if (state.stage === 'none') throw new InvalidEventError(eventType, 'no request has been received');
  return state;
}

/** The fact a correction names: it must be standing (recorded, not voided, not a correction). */
function standingFact(state: EhcpCaseState, eventType: string, revision: number): RecordedFact {
  const fact = existingCase(state, eventType).history.facts.find((f) => f.revision === revision);
  if (!fact) throw new InvalidEventError(eventType, `no standing fact at revision ${revision}`);
  return fact;
}

/** The history once a fact joins it; personal data never does (the state is stored as it is). */
function withFact(before: EhcpCaseState, event: FactEvent): CaseHistory {
  const history = before.stage === 'none' ? NO_HISTORY : before.history;
  const revision = history.revision + 1;
  // Every field named, not spread from `history` (in its order): a spread copy is the slow one.
  return {
    revision,
    facts: [...history.facts, { revision, event: withoutPersonalData(event) }],
    voidedRevisions: history.voidedRevisions,
    correctionIds: history.correctionIds,
  };
}

/** Whatever fact carries personal data (today the request) keeps it out of the history. */
function withoutPersonalData(event: FactEvent): FactEvent {
  // The event store hands over `personal: null` once the case's key is shredded: evolve takes both.
  return 'personal' in event.data
    ? ({ ...event, data: { ...event.data, personal: null } } as unknown as FactEvent)
    : event;
}

/** The case re-folded from its facts once a correction changed them (`voided`: the fact it removed). */
function refolded(
  state: EhcpCaseState,
  eventType: string,
  correctionId: string,
  change: (facts: readonly RecordedFact[]) => readonly RecordedFact[],
  voided?: number,
): EhcpCase {
  const { history } = existingCase(state, eventType);
  const facts = change(history.facts);
  return caseWith(existingCase(replayFacts(facts), eventType), UNCHANGED, {
    revision: history.revision + 1,
    facts,
    voidedRevisions: voided === undefined ? history.voidedRevisions : [...history.voidedRevisions, voided],
    correctionIds: [...history.correctionIds, correctionId],
  });
}

/** Folds one fact into the case state: the case as the facts recorded so far make it. */
export function evolveFact(state: EhcpCaseState, event: FactEvent): EhcpCase {
  return caseAfter(state, event);
}

/**
 * The case after a fact, with `history` when evolve keeps one: a single copy of the case per fact (a
 * rebuild folds millions), the fact's changes and the history applied in it.
 */
function caseAfter(state: EhcpCaseState, event: FactEvent, history?: CaseHistory): EhcpCase {
  if (event.type === 'RequestReceived' || event.type === 'PlanTransferredIn') {
    if (state.stage !== 'none') throw new InvalidEventError(event.type, 'the case already exists');
    const opening = event.type === 'RequestReceived' ? opened(event) : transferredIn(event);
    return history === undefined ? opening : caseWith(opening, UNCHANGED, history);
  }
  if (state.stage === 'none') throw new InvalidEventError(event.type, 'no request has been received');
  return caseWith(state, changesOf(state, event), history ?? state.history);
}

/**
 * The case as `{ ...state, ...changes, history }` makes it (the same fields, in the same order: the
 * state is stored as JSON), built as one literal of every field instead. V8 copied a spread case, 33
 * fields, for a microsecond, into objects of several shapes that slowed every later read of them; the
 * literal is one shape, and a few times quicker.
 */
function caseWith(state: EhcpCase, changes: CaseChanges, history: CaseHistory): EhcpCase {
  const next: { -readonly [K in keyof EhcpCase]: EhcpCase[K] } = {
    stage: state.stage,
    caseId: state.caseId,
    reference: state.reference,
    team: state.team,
    requestedBy: state.requestedBy,
    caseworkerId: state.caseworkerId,
    requestReceivedOn: state.requestReceivedOn,
    openedByRequest: state.openedByRequest,
    appealsAndMediationsStartedOn: state.appealsAndMediationsStartedOn,
    transferIn: state.transferIn,
    reassessments: state.reassessments,
    appeals: state.appeals,
    mediations: state.mediations,
    cessationDecisions: state.cessationDecisions,
    assessmentDecisions: state.assessmentDecisions,
    advice: state.advice,
    exceptions: state.exceptions,
    planDecisions: state.planDecisions,
    draftIssuedOn: state.draftIssuedOn,
    representations: state.representations,
    consultations: state.consultations,
    finalPlan: state.finalPlan,
    qaAudits: state.qaAudits,
    reviews: state.reviews,
    amendmentNotices: state.amendmentNotices,
    phaseTransfers: state.phaseTransfers,
    cessation: state.cessation,
    views: state.views,
    familyLinks: state.familyLinks,
    closure: state.closure,
    personalDataErasedOn: state.personalDataErasedOn,
    lastFactOn: state.lastFactOn,
    history,
  };
  // What the spread of `changes` did: each of its own fields set, whatever its value.
  for (const field in changes) (next as Record<string, unknown>)[field] = changes[field as keyof CaseChanges];
  return next;
}

function opened({ data }: RequestReceived): EhcpCase {
  return {
    stage: 'requested',
    caseId: data.caseId,
    reference: data.reference,
    team: data.team,
    requestedBy: data.requestedBy,
    caseworkerId: data.caseworkerId,
    requestReceivedOn: data.requestReceivedOn,
    openedByRequest: true,
    appealsAndMediationsStartedOn: [],
    transferIn: null,
    reassessments: [],
    appeals: [],
    mediations: [],
    cessationDecisions: [],
    assessmentDecisions: [],
    advice: [],
    exceptions: [],
    planDecisions: [],
    draftIssuedOn: null,
    representations: [],
    consultations: [],
    finalPlan: null,
    qaAudits: [],
    reviews: [],
    amendmentNotices: [],
    phaseTransfers: [],
    cessation: null,
    views: [],
    familyLinks: [],
    closure: null,
    personalDataErasedOn: null,
    lastFactOn: data.requestReceivedOn,
    history: NO_HISTORY,
  };
}

/**
 * (2nd ed.) reg 15: a plan transferred in opens the case as a maintained plan, the plan made on P
 * being its first plan; the case opened on the transfer date and by no request (never a new plan for
 * SEN2).
 */
function transferredIn({ data }: PlanTransferredIn): EhcpCase {
  const { caseId, reference, team, caseworkerId, transferredOn, fromAuthority, planMadeOn } = data;
  const request = opened({
    type: 'RequestReceived',
    data: {
      caseId,
      reference,
      team,
      caseworkerId,
      requestReceivedOn: transferredOn,
      requestedBy: 'other',
      personal: data.personal,
    },
  });
  const transfer: CaseChanges = {
    stage: 'plan_maintained',
    openedByRequest: false,
    transferIn: {
      fromAuthority,
      transferredOn,
      planMadeOn,
      lastReviewedOn: data.lastReviewedOn,
      notice: null,
    },
    finalPlan: { issuedOn: planMadeOn, placement: data.placement },
  };
  return caseWith(request, transfer, request.history);
}

/** What a fact changes of the case: only the fields it changes, applied by `caseAfter`. */
function changesOf(
  state: EhcpCase,
  event: Exclude<FactEvent, RequestReceived | PlanTransferredIn>,
): CaseChanges {
  switch (event.type) {
    case 'CaseworkerAssigned':
      return { caseworkerId: event.data.caseworkerId };
    case 'AssessmentDecisionMade': {
      const { decision, decidedOn } = event.data;
      return fact(state, decidedOn, {
        stage: decision === 'assess' ? 'assessing' : 'refused_to_assess',
        assessmentDecisions: [...state.assessmentDecisions, { decision, decidedOn }],
      });
    }
    case 'AdviceRequested':
      return fact(state, event.data.requestedOn, {
        advice: [...state.advice, { ...event.data, receivedOn: null }],
      });
    case 'AdviceReceived': {
      const { adviceId, receivedOn } = event.data;
      const advice = updateById(event.type, state.advice, 'adviceId', adviceId, (a) => ({
        ...a,
        receivedOn,
      }));
      return fact(state, receivedOn, { advice });
    }
    case 'TimescaleExceptionRecorded':
      return { exceptions: [...state.exceptions, event.data] };
    case 'TimescaleExceptionEnded': {
      const { exceptionId, endedOn } = event.data;
      const exceptions = updateById(event.type, state.exceptions, 'exceptionId', exceptionId, (e) => ({
        ...e,
        endedOn,
      }));
      return { exceptions };
    }
    case 'PlanDecisionMade': {
      const { decision, decidedOn } = event.data;
      return fact(state, decidedOn, {
        stage: decision === 'issue' ? 'drafting' : 'not_issued',
        planDecisions: [...state.planDecisions, { decision, decidedOn }],
      });
    }
    case 'DraftPlanIssued':
      if (openReassessment(state))
        return fact(
          state,
          event.data.issuedOn,
          withOpenReassessment(state, (r) => ({ ...r, draftIssuedOn: event.data.issuedOn })),
        );
      return fact(state, event.data.issuedOn, { stage: 'draft_issued', draftIssuedOn: event.data.issuedOn });
    case 'RepresentationsReceived':
      if (openReassessment(state))
        return fact(
          state,
          event.data.receivedOn,
          withOpenReassessment(state, (r) => ({ ...r, representations: [...r.representations, event.data] })),
        );
      return fact(state, event.data.receivedOn, { representations: [...state.representations, event.data] });
    case 'InstitutionConsulted':
      return fact(state, event.data.consultedOn, {
        consultations: [...state.consultations, { ...event.data, response: null }],
      });
    case 'ConsultationResponseReceived': {
      const { consultationId, receivedOn, outcome } = event.data;
      const consultations = updateById(
        event.type,
        state.consultations,
        'consultationId',
        consultationId,
        (c) => ({
          ...c,
          response: { receivedOn, outcome },
        }),
      );
      return fact(state, receivedOn, { consultations });
    }
    case 'FinalPlanIssued':
      if (openReassessment(state))
        return fact(
          state,
          event.data.issuedOn,
          reassessmentConcluded(
            state,
            withOpenReassessment(state, (r) => ({ ...r, plan: event.data })),
          ),
        );
      return fact(state, event.data.issuedOn, { stage: 'plan_maintained', finalPlan: event.data });
    case 'QaAuditRecorded': {
      const { auditId, planVersion, auditedOn, auditorRole, overallGrade } = event.data;
      return {
        qaAudits: [...state.qaAudits, { auditId, planVersion, auditedOn, auditorRole, overallGrade }],
      };
    }
    case 'ReviewMeetingHeld':
      return fact(state, event.data.meetingHeldOn, {
        reviews: [...state.reviews, { ...event.data, decision: null }],
      });
    case 'ReviewDecisionMade': {
      const { reviewId, decision, decidedOn } = event.data;
      const reviews = updateById(event.type, state.reviews, 'reviewId', reviewId, (r) => ({
        ...r,
        decision: { decision, decidedOn },
      }));
      return fact(state, decidedOn, { reviews });
    }
    case 'AmendmentNoticeIssued':
      return fact(state, event.data.issuedOn, {
        amendmentNotices: [
          ...state.amendmentNotices,
          {
            ...event.data,
            reviewId: reviewOfNotice(state, event.data),
            representationsReceivedOn: [],
            amendedPlan: null,
            noAmendmentDecidedOn: null,
          },
        ],
      });
    case 'AmendmentRepresentationsReceived': {
      const { noticeId, receivedOn } = event.data;
      const amendmentNotices = updateById(event.type, state.amendmentNotices, 'noticeId', noticeId, (n) => ({
        ...n,
        representationsReceivedOn: [...n.representationsReceivedOn, receivedOn],
      }));
      return fact(state, receivedOn, { amendmentNotices });
    }
    case 'AmendedPlanIssued': {
      const { noticeId, issuedOn, placement } = event.data;
      const amendmentNotices = updateById(event.type, state.amendmentNotices, 'noticeId', noticeId, (n) => ({
        ...n,
        amendedPlan: { issuedOn, placement },
      }));
      return fact(state, issuedOn, { amendmentNotices });
    }
    case 'NoAmendmentDecided': {
      const { noticeId, decidedOn } = event.data;
      const amendmentNotices = updateById(event.type, state.amendmentNotices, 'noticeId', noticeId, (n) => ({
        ...n,
        noAmendmentDecidedOn: decidedOn,
      }));
      return fact(state, decidedOn, { amendmentNotices });
    }
    case 'PhaseTransferPlanned':
      return fact(state, event.data.plannedOn, { phaseTransfers: [...state.phaseTransfers, event.data] });
    case 'PlanCeased':
      return fact(state, event.data.ceasedOn, { stage: 'ceased', cessation: event.data });
    case 'TransferNoticeIssued': {
      const { issuedOn, proposesAssessment } = event.data;
      if (state.transferIn === null)
        throw new InvalidEventError(event.type, 'the case was not transferred in');
      return fact(state, issuedOn, {
        transferIn: { ...state.transferIn, notice: { issuedOn, proposesAssessment } },
      });
    }
    case 'ReassessmentRequested': {
      const request: Reassessment = {
        ...event.data,
        decision: null,
        decisions: [],
        draftIssuedOn: null,
        representations: [],
        plan: null,
        unchangedOn: null,
      };
      return fact(state, event.data.receivedOn, { reassessments: [...state.reassessments, request] });
    }
    case 'ReassessmentDecisionMade': {
      const { requestId, decision, decidedOn } = event.data;
      const reassessments = updateById(event.type, state.reassessments, 'requestId', requestId, (r) => ({
        ...r,
        decision: { decision, decidedOn },
        decisions: [...r.decisions, { decision, decidedOn }],
      }));
      const stage =
        decision === 'reassess' && state.stage === 'plan_maintained' ? 'reassessing' : state.stage;
      return fact(state, decidedOn, { stage, reassessments });
    }
    case 'PlanKeptUnchanged': {
      const { requestId, decidedOn } = event.data;
      const reassessments = updateById(event.type, state.reassessments, 'requestId', requestId, (r) => ({
        ...r,
        unchangedOn: decidedOn,
      }));
      return fact(state, decidedOn, reassessmentConcluded(state, { reassessments }));
    }
    case 'AppealLodged':
      return fact(state, event.data.lodgedOn, {
        appeals: [...state.appeals, { ...event.data, outcome: null }],
        appealsAndMediationsStartedOn: excludesFromSen2(event.data)
          ? [...state.appealsAndMediationsStartedOn, event.data.lodgedOn]
          : state.appealsAndMediationsStartedOn,
      });
    case 'AppealOutcomeRecorded': {
      const { appealId, outcome, decidedOn } = event.data;
      const appeals = updateById(event.type, state.appeals, 'appealId', appealId, (a) => ({
        ...a,
        outcome: { outcome, decidedOn },
      }));
      const appeal = appeals.find((a) => a.appealId === appealId);
      const continues = appeal !== undefined && continuesThePlan(state, appeal);
      return fact(state, decidedOn, { appeals, stage: continues ? maintainedStage(state) : state.stage });
    }
    case 'MediationStarted':
      return fact(state, event.data.startedOn, {
        mediations: [...state.mediations, { ...event.data, endedOn: null }],
        appealsAndMediationsStartedOn: [...state.appealsAndMediationsStartedOn, event.data.startedOn],
      });
    case 'MediationEnded': {
      const { mediationId, endedOn } = event.data;
      const mediations = updateById(event.type, state.mediations, 'mediationId', mediationId, (m) => ({
        ...m,
        endedOn,
      }));
      return fact(state, endedOn, { mediations });
    }
    case 'CessationDecided':
      return fact(state, event.data.decidedOn, {
        stage: 'ceasing',
        cessationDecisions: [...state.cessationDecisions, event.data],
      });
    case 'ViewsRecorded': {
      const { viewsId, gatheredOn, method, stage } = event.data;
      return fact(state, gatheredOn, { views: [...state.views, { viewsId, gatheredOn, method, stage }] });
    }
    // A family link is access to the record, not a fact of the case: it never moves lastFactOn.
    case 'FamilyLinkIssued': {
      const { issuedOn } = event.data;
      const previous = state.familyLinks.map((l) =>
        l.revokedOn === null ? { ...l, revokedOn: issuedOn } : l,
      );
      return { familyLinks: [...previous, { ...event.data, revokedOn: null }] };
    }
    case 'FamilyLinkRevoked': {
      const { linkId, revokedOn } = event.data;
      const familyLinks = updateById(event.type, state.familyLinks, 'linkId', linkId, (l) => ({
        ...l,
        revokedOn,
      }));
      return { familyLinks };
    }
    case 'FamilyLinkViewed':
      return UNCHANGED;
    case 'CaseClosed':
      return fact(state, event.data.closedOn, { stage: 'closed', closure: event.data });
    case 'PersonalDataErased':
      return { personalDataErasedOn: event.data.erasedOn };
    default:
      return assertNever(event);
  }
}

/** The open re-assessment changed by `update` (callers check that one is open). */
function withOpenReassessment(state: EhcpCase, update: (r: Reassessment) => Reassessment): CaseChanges {
  const open = openReassessment(state);
  return { reassessments: state.reassessments.map((r) => (r === open ? update(r) : r)) };
}

/**
 * A re-assessment concluded (a plan, or "unchanged") by `changes`, which leave the stage as it was:
 * the plan is maintained as before it.
 */
function reassessmentConcluded(state: EhcpCase, changes: CaseChanges): CaseChanges {
  return state.stage === 'reassessing' ? { ...changes, stage: 'plan_maintained' } : changes;
}

/**
 * (2nd ed.) DOMAIN.md "Cessation": an order to continue, or a concession, on an appeal against the
 * pending decision to cease (lodged on or after it, as `ceasesOnOf` reads it) withdraws the
 * cessation: the plan stays maintained.
 */
function continuesThePlan(state: EhcpCase, appeal: Appeal): boolean {
  const decision = state.cessationDecisions.at(-1);
  return (
    state.stage === 'ceasing' &&
    decision !== undefined &&
    appeal.against === 'cessation' &&
    appeal.lodgedOn >= decision.decidedOn &&
    (appeal.outcome?.outcome === 'order' || appeal.outcome?.outcome === 'conceded')
  );
}

/** The stage of a maintained plan with no cessation pending: re-assessed while one is open. */
function maintainedStage(state: EhcpCase): EhcpCase['stage'] {
  return openReassessment(state) ? 'reassessing' : 'plan_maintained';
}

/**
 * SEN2 (2nd ed.): an appeal against the refusal to assess or the decision not to issue, whatever
 * its outcome, leaves the case's new plan out of the 20-week measures.
 */
function excludesFromSen2(data: AppealLodged['data']): boolean {
  return data.against === 'refusal_to_assess' || data.against === 'not_issue';
}

/** `changes` and a lifecycle fact's date: closure and cessation may not be dated before the latest one. */
function fact(state: EhcpCase, on: string, changes: CaseChanges): CaseChanges {
  // Object.assign, not a spread: V8 spreads objects of this many shapes (one per fact) slowly.
  return Object.assign({}, changes, { lastFactOn: maxDate(state.lastFactOn, on) });
}

/**
 * The review a notice follows. Notices stored before the link existed carry no `reviewId`: they are
 * linked by the rule decide now applies by default, as of their place in the stream.
 */
function reviewOfNotice(state: EhcpCase, data: AmendmentNoticeIssued['data']): string | null {
  if (data.reviewId !== undefined) return data.reviewId;
  return reviewAwaitingNotice(state, data.issuedOn)?.reviewId ?? null;
}

function updateById<T, K extends keyof T>(
  eventType: string,
  items: readonly T[],
  key: K,
  id: T[K],
  update: (item: T) => T,
): readonly T[] {
  if (!items.some((item) => item[key] === id)) {
    throw new InvalidEventError(eventType, `unknown ${String(key)} ${String(id)}`);
  }
  return items.map((item) => (item[key] === id ? update(item) : item));
}

import type { QaGrade, QaSections } from '../qa/qa-grade';
import type {
  AdviceSource,
  AppealOutcome,
  AppealSubject,
  CessationReason,
  ReassessmentDecision,
  ReassessmentRequester,
  AssessmentDecision,
  AuditorRole,
  ClosureReason,
  ConsultationOutcome,
  ExceptionReason,
  PersonalData,
  Placement,
  PlanDecision,
  PlanVersion,
  Requester,
  ReviewDecision,
  TransferTiming,
  ViewsMethod,
  ViewsStage,
  ViewsSummary,
} from './ehcp-case.vocabulary';

// The EHCP case's event stream (one stream per case). Event type strings are a stored contract:
// never rename one; evolve data shapes with upcasters. Every date is an ISO local date 'YYYY-MM-DD'
// entered by the caseworker (or the command's `today` where the API takes no date). Personal data
// appears only in `data.personal` (RequestReceived, PlanTransferredIn, ChildDetailsCorrected, ViewsRecorded), which the event store
// encrypts.

type Event<T extends string, D> = { readonly type: T; readonly data: D };

export type RequestReceived = Event<
  'RequestReceived',
  {
    readonly caseId: string;
    readonly reference: string | null;
    readonly team: string;
    readonly requestReceivedOn: string;
    readonly requestedBy: Requester;
    readonly caseworkerId: string | null;
    readonly personal: PersonalData;
  }
>;
export type CaseworkerAssigned = Event<
  'CaseworkerAssigned',
  { readonly caseworkerId: string; readonly assignedOn: string }
>;
export type AssessmentDecisionMade = Event<
  'AssessmentDecisionMade',
  { readonly decision: AssessmentDecision; readonly decidedOn: string }
>;
export type AdviceRequested = Event<
  'AdviceRequested',
  { readonly adviceId: string; readonly source: AdviceSource; readonly requestedOn: string }
>;
export type AdviceReceived = Event<
  'AdviceReceived',
  { readonly adviceId: string; readonly receivedOn: string }
>;
export type TimescaleExceptionRecorded = Event<
  'TimescaleExceptionRecorded',
  {
    readonly exceptionId: string;
    readonly reason: ExceptionReason;
    readonly startedOn: string;
    readonly endedOn: string | null;
    readonly note: string | null;
  }
>;
export type TimescaleExceptionEnded = Event<
  'TimescaleExceptionEnded',
  { readonly exceptionId: string; readonly endedOn: string }
>;
export type PlanDecisionMade = Event<
  'PlanDecisionMade',
  { readonly decision: PlanDecision; readonly decidedOn: string }
>;
export type DraftPlanIssued = Event<'DraftPlanIssued', { readonly issuedOn: string }>;
export type RepresentationsReceived = Event<
  'RepresentationsReceived',
  { readonly receivedOn: string; readonly requestedInstitution: string | null }
>;
export type InstitutionConsulted = Event<
  'InstitutionConsulted',
  { readonly consultationId: string; readonly institution: string; readonly consultedOn: string }
>;
export type ConsultationResponseReceived = Event<
  'ConsultationResponseReceived',
  { readonly consultationId: string; readonly receivedOn: string; readonly outcome: ConsultationOutcome }
>;
export type FinalPlanIssued = Event<
  'FinalPlanIssued',
  { readonly issuedOn: string; readonly placement: Placement }
>;
export type QaAuditRecorded = Event<
  'QaAuditRecorded',
  {
    readonly auditId: string;
    readonly planVersion: PlanVersion;
    readonly auditedOn: string;
    readonly auditorRole: AuditorRole;
    readonly sections: QaSections;
    readonly actions: string | null;
    /** Derived from the sections by `overallGradeOf` when the audit was recorded. */
    readonly overallGrade: QaGrade;
  }
>;
export type ReviewMeetingHeld = Event<
  'ReviewMeetingHeld',
  { readonly reviewId: string; readonly meetingHeldOn: string }
>;
export type ReviewDecisionMade = Event<
  'ReviewDecisionMade',
  { readonly reviewId: string; readonly decision: ReviewDecision; readonly decidedOn: string }
>;
export type AmendmentNoticeIssued = Event<
  'AmendmentNoticeIssued',
  {
    readonly noticeId: string;
    readonly issuedOn: string;
    /**
     * (2nd ed.) The review decided "amend" the notice follows, or null: served without one. Absent
     * from notices stored before the link existed: evolve links those by the default rule.
     */
    readonly reviewId?: string | null;
  }
>;
export type AmendmentRepresentationsReceived = Event<
  'AmendmentRepresentationsReceived',
  { readonly noticeId: string; readonly receivedOn: string }
>;
export type AmendedPlanIssued = Event<
  'AmendedPlanIssued',
  { readonly noticeId: string; readonly issuedOn: string; readonly placement: Placement | null }
>;
/** reg 22(4): the LA decided, after its notice, not to amend the plan after all. */
export type NoAmendmentDecided = Event<
  'NoAmendmentDecided',
  { readonly noticeId: string; readonly decidedOn: string }
>;
export type PhaseTransferPlanned = Event<
  'PhaseTransferPlanned',
  {
    readonly transferId: string;
    /** The day the transfer was recorded (the command's `today`). */
    readonly plannedOn: string;
  } & TransferTiming
>;
export type PlanCeased = Event<'PlanCeased', { readonly ceasedOn: string; readonly reason: string }>;
export type CaseClosed = Event<'CaseClosed', { readonly closedOn: string; readonly reason: ClosureReason }>;
/** Appended after the event store has crypto-shredded the case's key; `erasedOn` is the command's `today`. */
export type PersonalDataErased = Event<'PersonalDataErased', { readonly erasedOn: string }>;
/**
 * (2nd ed.) reg 15: a plan maintained by another authority became this authority's on
 * `transferredOn`. Opens the case as a maintained plan (made on `planMadeOn`, last reviewed on
 * `lastReviewedOn`); the child is in `personal`, encrypted like a request's.
 */
export type PlanTransferredIn = Event<
  'PlanTransferredIn',
  {
    readonly caseId: string;
    readonly reference: string | null;
    readonly team: string;
    readonly transferredOn: string;
    readonly fromAuthority: string;
    readonly planMadeOn: string;
    readonly lastReviewedOn: string | null;
    readonly placement: Placement;
    readonly caseworkerId: string | null;
    readonly personal: PersonalData;
  }
>;
/** (2nd ed.) reg 15(4): the family told whether the LA will assess and when it will review the plan. */
export type TransferNoticeIssued = Event<
  'TransferNoticeIssued',
  { readonly issuedOn: string; readonly proposesAssessment: boolean }
>;
/** (2nd ed.) reg 24: a request to re-assess a maintained plan (or the LA's own initiative). */
export type ReassessmentRequested = Event<
  'ReassessmentRequested',
  { readonly requestId: string; readonly receivedOn: string; readonly requestedBy: ReassessmentRequester }
>;
/** (2nd ed.) reg 25: whether to re-assess, notified on `decidedOn`. */
export type ReassessmentDecisionMade = Event<
  'ReassessmentDecisionMade',
  { readonly requestId: string; readonly decision: ReassessmentDecision; readonly decidedOn: string }
>;
/** (2nd ed.) reg 27(2)(b): the re-assessment ends with notice that the plan stays unchanged. */
export type PlanKeptUnchanged = Event<
  'PlanKeptUnchanged',
  { readonly requestId: string; readonly decidedOn: string }
>;
/** (2nd ed.) An appeal to the First-tier Tribunal (SEND), recorded when the LA learns of it. */
export type AppealLodged = Event<
  'AppealLodged',
  { readonly appealId: string; readonly lodgedOn: string; readonly against: AppealSubject }
>;
/** (2nd ed.) The appeal's outcome; an order (reg 44) or a concession (reg 45) dated `decidedOn`. */
export type AppealOutcomeRecorded = Event<
  'AppealOutcomeRecorded',
  { readonly appealId: string; readonly outcome: AppealOutcome; readonly decidedOn: string }
>;
/** (2nd ed.) regs 33-37: a mediation started. */
export type MediationStarted = Event<
  'MediationStarted',
  { readonly mediationId: string; readonly startedOn: string }
>;
export type MediationEnded = Event<
  'MediationEnded',
  { readonly mediationId: string; readonly endedOn: string }
>;
/**
 * (2nd ed.) CFA s45, reg 31: the LA's appealable decision to cease the plan. The plan ceases on a
 * day derived from the events (DOMAIN.md "Cessation"); `PlanCeased` keeps meaning a cessation
 * effective the day it names.
 */
export type CessationDecided = Event<
  'CessationDecided',
  { readonly decidedOn: string; readonly reason: CessationReason }
>;
/**
 * (2nd ed.) CFA s19(a)-(c): the child's or young person's views gathered, how and for what. The
 * summary, in their words, is personal data: in `personal`, encrypted with the case's key (null when
 * none was written, and once erased).
 */
export type ViewsRecorded = Event<
  'ViewsRecorded',
  {
    readonly viewsId: string;
    readonly gatheredOn: string;
    readonly method: ViewsMethod;
    readonly stage: ViewsStage;
    readonly personal: ViewsSummary | null;
  }
>;
/**
 * (2nd ed.) The family's private link: only the SHA-256 hash of its random token is kept. It works
 * through `expiresOn` (London date) unless revoked; issuing one revokes the case's previous link.
 */
export type FamilyLinkIssued = Event<
  'FamilyLinkIssued',
  {
    readonly linkId: string;
    readonly tokenHash: string;
    readonly issuedOn: string;
    readonly expiresOn: string;
  }
>;
export type FamilyLinkRevoked = Event<
  'FamilyLinkRevoked',
  { readonly linkId: string; readonly revokedOn: string }
>;
/** (2nd ed.) The family opened their page (the event's recordedAt is when). */
export type FamilyLinkViewed = Event<
  'FamilyLinkViewed',
  { readonly linkId: string; readonly viewedOn: string }
>;
/**
 * (2nd ed.) A recorded fact corrected: the event at stream `revision` (of type `correctedType`) is to
 * be read with `changes` (field -> value; a dotted field is one level down, e.g. `sections.B`) as if
 * recorded so in the first place. `changes` also carries what the domain derives from the corrected
 * fields (a QA audit's `overallGrade`), so that evolve only ever applies it.
 */
export type FactCorrected = Event<
  'FactCorrected',
  {
    readonly correctionId: string;
    readonly revision: number;
    readonly correctedType: string;
    readonly changes: CorrectionChanges;
    readonly reason: string;
    readonly correctedOn: string;
  }
>;
/** (2nd ed.) A recorded fact voided as recorded in error: the case is read as if it had never been. */
export type FactVoided = Event<
  'FactVoided',
  {
    readonly correctionId: string;
    readonly revision: number;
    readonly voidedType: string;
    readonly reason: string;
    readonly voidedOn: string;
  }
>;
/**
 * (2nd ed.) The child's personal details corrected. Everything personal, the reason included (it
 * often quotes the name it corrects), is in `personal`, which the event store encrypts with the
 * case's key: erasure shreds it with the rest.
 */
export type ChildDetailsCorrected = Event<
  'ChildDetailsCorrected',
  { readonly personal: PersonalData & { readonly reason: string }; readonly correctedOn: string }
>;

export type EhcpCaseEvent =
  | RequestReceived
  | CaseworkerAssigned
  | AssessmentDecisionMade
  | AdviceRequested
  | AdviceReceived
  | TimescaleExceptionRecorded
  | TimescaleExceptionEnded
  | PlanDecisionMade
  | DraftPlanIssued
  | RepresentationsReceived
  | InstitutionConsulted
  | ConsultationResponseReceived
  | FinalPlanIssued
  | QaAuditRecorded
  | ReviewMeetingHeld
  | ReviewDecisionMade
  | AmendmentNoticeIssued
  | AmendmentRepresentationsReceived
  | AmendedPlanIssued
  | NoAmendmentDecided
  | PhaseTransferPlanned
  | PlanCeased
  | CaseClosed
  | PersonalDataErased
  | PlanTransferredIn
  | TransferNoticeIssued
  | ReassessmentRequested
  | ReassessmentDecisionMade
  | PlanKeptUnchanged
  | AppealLodged
  | AppealOutcomeRecorded
  | MediationStarted
  | MediationEnded
  | CessationDecided
  | ViewsRecorded
  | FamilyLinkIssued
  | FamilyLinkRevoked
  | FamilyLinkViewed
  | FactCorrected
  | FactVoided
  | ChildDetailsCorrected;

/** Events that correct others rather than record a fact of the case: corrections never target them. */
export type CorrectionEvent = FactCorrected | FactVoided | ChildDetailsCorrected;
/** The events that record a fact of the case: what corrections name, correct and void. */
export type FactEvent = Exclude<EhcpCaseEvent, CorrectionEvent>;
/** A correction's new values: dates (or null for an open end), choices, years. */
export type CorrectionChanges = { readonly [field: string]: string | number | null };

export type EhcpCaseEventType = EhcpCaseEvent['type'];

// A record keyed by the union makes the compiler insist that every event type is listed.
const EVENT_TYPES: { readonly [T in EhcpCaseEventType]: true } = {
  RequestReceived: true,
  CaseworkerAssigned: true,
  AssessmentDecisionMade: true,
  AdviceRequested: true,
  AdviceReceived: true,
  TimescaleExceptionRecorded: true,
  TimescaleExceptionEnded: true,
  PlanDecisionMade: true,
  DraftPlanIssued: true,
  RepresentationsReceived: true,
  InstitutionConsulted: true,
  ConsultationResponseReceived: true,
  FinalPlanIssued: true,
  QaAuditRecorded: true,
  ReviewMeetingHeld: true,
  ReviewDecisionMade: true,
  AmendmentNoticeIssued: true,
  AmendmentRepresentationsReceived: true,
  AmendedPlanIssued: true,
  NoAmendmentDecided: true,
  PhaseTransferPlanned: true,
  PlanCeased: true,
  CaseClosed: true,
  PersonalDataErased: true,
  PlanTransferredIn: true,
  TransferNoticeIssued: true,
  ReassessmentRequested: true,
  ReassessmentDecisionMade: true,
  PlanKeptUnchanged: true,
  AppealLodged: true,
  AppealOutcomeRecorded: true,
  MediationStarted: true,
  MediationEnded: true,
  CessationDecided: true,
  ViewsRecorded: true,
  FamilyLinkIssued: true,
  FamilyLinkRevoked: true,
  FamilyLinkViewed: true,
  FactCorrected: true,
  FactVoided: true,
  ChildDetailsCorrected: true,
};

/** Every event type, for registrations (projections, upcasters, serializers). */
export const EHCP_CASE_EVENT_TYPES = Object.keys(EVENT_TYPES) as readonly EhcpCaseEventType[];

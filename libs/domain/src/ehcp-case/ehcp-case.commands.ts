import type { QaSections } from '../qa/qa-grade';
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
  CorrectionAction,
  ExceptionReason,
  PersonalData,
  PhaseTransferKind,
  Placement,
  PlanDecision,
  PlanVersion,
  Requester,
  ReviewDecision,
  ViewsMethod,
  ViewsStage,
} from './ehcp-case.vocabulary';

// One command per API.md command. `data` holds the API body's fields (ids are required here: the
// API layer generates them when the client omits them); `today` is the caller's evaluation date
// (ISO local date, Europe/London) because the domain never reads the clock.

type Command<T extends string, D> = { readonly type: T; readonly data: D; readonly today: string };

export type ReceiveRequest = Command<
  'ReceiveRequest',
  {
    readonly caseId: string;
    readonly reference?: string | null;
    readonly team: string;
    readonly requestReceivedOn: string;
    readonly requestedBy: Requester;
    readonly child: PersonalData;
    readonly caseworkerId?: string | null;
  }
>;
export type AssignCaseworker = Command<
  'AssignCaseworker',
  { readonly caseworkerId: string; readonly assignedOn: string }
>;
export type DecideAssessment = Command<
  'DecideAssessment',
  { readonly decision: AssessmentDecision; readonly decidedOn: string }
>;
export type RequestAdvice = Command<
  'RequestAdvice',
  { readonly adviceId: string; readonly source: AdviceSource; readonly requestedOn: string }
>;
export type ReceiveAdvice = Command<
  'ReceiveAdvice',
  { readonly adviceId: string; readonly receivedOn: string }
>;
export type RecordException = Command<
  'RecordException',
  {
    readonly exceptionId: string;
    readonly reason: ExceptionReason;
    readonly startedOn: string;
    readonly endedOn?: string | null;
    readonly note?: string | null;
  }
>;
export type EndException = Command<
  'EndException',
  { readonly exceptionId: string; readonly endedOn: string }
>;
export type DecidePlan = Command<
  'DecidePlan',
  { readonly decision: PlanDecision; readonly decidedOn: string }
>;
export type IssueDraftPlan = Command<'IssueDraftPlan', { readonly issuedOn: string }>;
export type ReceiveRepresentations = Command<
  'ReceiveRepresentations',
  { readonly receivedOn: string; readonly requestedInstitution?: string | null }
>;
export type ConsultInstitution = Command<
  'ConsultInstitution',
  { readonly consultationId: string; readonly institution: string; readonly consultedOn: string }
>;
export type ReceiveConsultationResponse = Command<
  'ReceiveConsultationResponse',
  { readonly consultationId: string; readonly receivedOn: string; readonly outcome: ConsultationOutcome }
>;
export type IssueFinalPlan = Command<
  'IssueFinalPlan',
  { readonly issuedOn: string; readonly placement: Placement }
>;
export type RecordQaAudit = Command<
  'RecordQaAudit',
  {
    readonly auditId: string;
    readonly planVersion: PlanVersion;
    readonly auditedOn: string;
    readonly auditorRole: AuditorRole;
    readonly sections: QaSections;
    readonly actions?: string | null;
  }
>;
export type HoldReviewMeeting = Command<
  'HoldReviewMeeting',
  { readonly reviewId: string; readonly meetingHeldOn: string }
>;
export type DecideReview = Command<
  'DecideReview',
  { readonly reviewId: string; readonly decision: ReviewDecision; readonly decidedOn: string }
>;
export type IssueAmendmentNotice = Command<
  'IssueAmendmentNotice',
  {
    readonly noticeId: string;
    readonly issuedOn: string;
    /** The review decided "amend" it follows; default: the latest one with no notice yet. */
    readonly reviewId?: string | null;
  }
>;
export type ReceiveAmendmentRepresentations = Command<
  'ReceiveAmendmentRepresentations',
  { readonly noticeId: string; readonly receivedOn: string }
>;
export type IssueAmendedPlan = Command<
  'IssueAmendedPlan',
  { readonly noticeId: string; readonly issuedOn: string; readonly placement?: Placement | null }
>;
export type DecideNotToAmend = Command<
  'DecideNotToAmend',
  { readonly noticeId: string; readonly decidedOn: string }
>;
export type PlanPhaseTransfer = Command<
  'PlanPhaseTransfer',
  {
    readonly transferId: string;
    readonly kind: PhaseTransferKind;
    /** `school_phase` and `post16`: the calendar year of the transfer. */
    readonly transferYear?: number;
    /** `post16_institution`: the planned date of the transfer (may lie in the future). */
    readonly transferOn?: string;
  }
>;
export type CeasePlan = Command<'CeasePlan', { readonly ceasedOn: string; readonly reason: string }>;
export type CloseCase = Command<'CloseCase', { readonly closedOn: string; readonly reason: ClosureReason }>;
export type ErasePersonalData = Command<'ErasePersonalData', Record<string, never>>;
/** (2nd ed.) Corrects (`changes`: field -> new value) or voids the fact recorded at `revision`. */
export type CorrectFact = Command<
  'CorrectFact',
  {
    readonly correctionId: string;
    readonly revision: number;
    readonly action: CorrectionAction;
    readonly changes?: Readonly<Record<string, unknown>> | null;
    readonly reason: string;
  }
>;
/** (2nd ed.) Corrects the child's personal details (PUT /cases/{caseId}/child). */
export type CorrectChild = Command<
  'CorrectChild',
  {
    readonly firstName: string;
    readonly lastName: string;
    readonly dateOfBirth: string;
    readonly reason: string;
  }
>;

/** (2nd ed.) POST /cases/transfers-in: a plan transferred from another authority (reg 15). */
export type TransferIn = Command<
  'TransferIn',
  {
    readonly caseId: string;
    readonly reference?: string | null;
    readonly team: string;
    readonly transferredOn: string;
    readonly fromAuthority: string;
    readonly planMadeOn: string;
    readonly lastReviewedOn?: string | null;
    readonly placement: Placement;
    readonly child: PersonalData;
    readonly caseworkerId?: string | null;
  }
>;
export type IssueTransferNotice = Command<
  'IssueTransferNotice',
  { readonly issuedOn: string; readonly proposesAssessment: boolean }
>;
export type RequestReassessment = Command<
  'RequestReassessment',
  { readonly requestId: string; readonly receivedOn: string; readonly requestedBy: ReassessmentRequester }
>;
export type DecideReassessment = Command<
  'DecideReassessment',
  { readonly requestId: string; readonly decision: ReassessmentDecision; readonly decidedOn: string }
>;
export type KeepPlanUnchanged = Command<
  'KeepPlanUnchanged',
  { readonly requestId: string; readonly decidedOn: string }
>;
export type LodgeAppeal = Command<
  'LodgeAppeal',
  { readonly appealId: string; readonly lodgedOn: string; readonly against: AppealSubject }
>;
export type RecordAppealOutcome = Command<
  'RecordAppealOutcome',
  { readonly appealId: string; readonly outcome: AppealOutcome; readonly decidedOn: string }
>;
export type StartMediation = Command<
  'StartMediation',
  { readonly mediationId: string; readonly startedOn: string }
>;
export type EndMediation = Command<
  'EndMediation',
  { readonly mediationId: string; readonly endedOn: string }
>;
export type DecideCessation = Command<
  'DecideCessation',
  { readonly decidedOn: string; readonly reason: CessationReason }
>;

/** (2nd ed.) CFA s19: the child's or young person's views gathered; `summary` is personal data. */
export type RecordViews = Command<
  'RecordViews',
  {
    readonly viewsId: string;
    readonly gatheredOn: string;
    readonly method: ViewsMethod;
    readonly stage: ViewsStage;
    readonly summary: string | null;
  }
>;
/**
 * (2nd ed.) The family's private link issued: the shell draws the random token and hands the domain
 * only its SHA-256 hash; the link works until the end of `today + expiresInDays`.
 */
export type IssueFamilyLink = Command<
  'IssueFamilyLink',
  { readonly linkId: string; readonly tokenHash: string; readonly expiresInDays: number }
>;
export type RevokeFamilyLink = Command<'RevokeFamilyLink', { readonly linkId: string }>;
/** (2nd ed.) The family opened their page through the link: every view is on the case's record. */
export type RecordFamilyView = Command<'RecordFamilyView', { readonly linkId: string }>;

export type EhcpCaseCommand =
  | ReceiveRequest
  | AssignCaseworker
  | DecideAssessment
  | RequestAdvice
  | ReceiveAdvice
  | RecordException
  | EndException
  | DecidePlan
  | IssueDraftPlan
  | ReceiveRepresentations
  | ConsultInstitution
  | ReceiveConsultationResponse
  | IssueFinalPlan
  | RecordQaAudit
  | HoldReviewMeeting
  | DecideReview
  | IssueAmendmentNotice
  | ReceiveAmendmentRepresentations
  | IssueAmendedPlan
  | DecideNotToAmend
  | PlanPhaseTransfer
  | CeasePlan
  | CloseCase
  | ErasePersonalData
  | CorrectFact
  | CorrectChild
  | TransferIn
  | IssueTransferNotice
  | RequestReassessment
  | DecideReassessment
  | KeepPlanUnchanged
  | LodgeAppeal
  | RecordAppealOutcome
  | StartMediation
  | EndMediation
  | DecideCessation
  | RecordViews
  | IssueFamilyLink
  | RevokeFamilyLink
  | RecordFamilyView;

export type EhcpCaseCommandType = EhcpCaseCommand['type'];

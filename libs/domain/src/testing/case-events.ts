import type { CorrectionChanges, EhcpCaseEvent, FactEvent } from '../ehcp-case/ehcp-case.events';
import type {
  AdviceSource,
  AppealOutcome,
  AppealSubject,
  CessationReason,
  ExceptionReason,
  Placement,
  PlanVersion,
  ReviewDecision,
  ViewsMethod,
  ViewsStage,
  YearTransferKind,
} from '../ehcp-case/ehcp-case.vocabulary';
import { overallGradeOf, type QaSections } from '../qa/qa-grade';

// The event builders of every test (deciders, projections, the projector, the notifier): one event
// each, as stored. The defaults follow one worked case, Mon 1 Sep 2025 to an amended plan in 2027;
// pass ids and dates to build any other.

export const REQUEST_ON = '2025-09-01';
export const CHILD = { firstName: 'Amelia', lastName: 'Khan', dateOfBirth: '2016-04-12' };
export const PLACEMENT: Placement = { institution: 'Riverside Academy', type: 'mainstream' };
export const GOOD_SECTIONS: QaSections = {
  A: 'good',
  B: 'good',
  C: 'not_applicable',
  D: 'not_applicable',
  E: 'good',
  F: 'good',
  G: 'not_applicable',
  H1: 'not_applicable',
  H2: 'not_applicable',
  I: 'good',
  J: 'not_applicable',
  K: 'good',
};
/** (2nd ed.) A child's views in their words (personal data: the event's `personal` block). */
export const VIEWS_SUMMARY = 'I like maths. I want a quiet place to work and help at lunchtime.';
/** (2nd ed.) A family link's token hash: SHA-256 hex, as the API hands it over (never the token). */
export const TOKEN_HASH = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
/** The same for an audit of a draft: a draft never names a placement, so section I does not apply. */
export const DRAFT_SECTIONS: QaSections = { ...GOOD_SECTIONS, I: 'not_applicable' };

export interface RequestOptions {
  readonly caseId?: string;
  readonly reference?: string | null;
  readonly team?: string;
  readonly requestReceivedOn?: string;
  readonly caseworkerId?: string | null;
  /** null: what the event store hands over once the case's key was shredded. */
  readonly personal?: typeof CHILD | null;
}

export const on = {
  requestReceived: (options: RequestOptions = {}): EhcpCaseEvent => ({
    type: 'RequestReceived',
    data: {
      caseId: options.caseId ?? 'case-1',
      reference: options.reference === undefined ? 'EHC-0001' : options.reference,
      team: options.team ?? 'north',
      requestReceivedOn: options.requestReceivedOn ?? REQUEST_ON,
      requestedBy: 'parent',
      caseworkerId: options.caseworkerId ?? null,
      personal: (options.personal === undefined ? CHILD : options.personal) as typeof CHILD,
    },
  }),
  caseworkerAssigned: (caseworkerId = 'cw-1', assignedOn = '2025-09-02'): EhcpCaseEvent => ({
    type: 'CaseworkerAssigned',
    data: { caseworkerId, assignedOn },
  }),
  assessed: (decidedOn = '2025-10-06'): EhcpCaseEvent => ({
    type: 'AssessmentDecisionMade',
    data: { decision: 'assess', decidedOn },
  }),
  refused: (decidedOn = '2025-10-06'): EhcpCaseEvent => ({
    type: 'AssessmentDecisionMade',
    data: { decision: 'refuse', decidedOn },
  }),
  adviceRequested: (
    adviceId = 'adv-1',
    requestedOn = '2025-10-07',
    source: AdviceSource = 'educational_psychology',
  ): EhcpCaseEvent => ({
    type: 'AdviceRequested',
    data: { adviceId, source, requestedOn },
  }),
  adviceReceived: (adviceId = 'adv-1', receivedOn = '2025-11-10'): EhcpCaseEvent => ({
    type: 'AdviceReceived',
    data: { adviceId, receivedOn },
  }),
  exception: (
    reason: ExceptionReason,
    startedOn: string,
    endedOn: string | null = null,
    exceptionId = 'exc-1',
  ): EhcpCaseEvent => ({
    type: 'TimescaleExceptionRecorded',
    data: { exceptionId, reason, startedOn, endedOn, note: null },
  }),
  exceptionEnded: (endedOn: string, exceptionId = 'exc-1'): EhcpCaseEvent => ({
    type: 'TimescaleExceptionEnded',
    data: { exceptionId, endedOn },
  }),
  toIssue: (decidedOn = '2025-12-15'): EhcpCaseEvent => ({
    type: 'PlanDecisionMade',
    data: { decision: 'issue', decidedOn },
  }),
  notToIssue: (decidedOn = '2025-12-15'): EhcpCaseEvent => ({
    type: 'PlanDecisionMade',
    data: { decision: 'not_issue', decidedOn },
  }),
  draftIssued: (issuedOn = '2025-12-22'): EhcpCaseEvent => ({ type: 'DraftPlanIssued', data: { issuedOn } }),
  representations: (receivedOn = '2026-01-02'): EhcpCaseEvent => ({
    type: 'RepresentationsReceived',
    data: { receivedOn, requestedInstitution: null },
  }),
  consulted: (consultationId = 'con-1', consultedOn = '2025-12-23'): EhcpCaseEvent => ({
    type: 'InstitutionConsulted',
    data: { consultationId, institution: 'Riverside Academy', consultedOn },
  }),
  consultationAnswered: (consultationId = 'con-1', receivedOn = '2026-01-05'): EhcpCaseEvent => ({
    type: 'ConsultationResponseReceived',
    data: { consultationId, receivedOn, outcome: 'can_meet_needs' },
  }),
  finalIssued: (issuedOn = '2026-01-12'): EhcpCaseEvent => ({
    type: 'FinalPlanIssued',
    data: { issuedOn, placement: PLACEMENT },
  }),
  reviewHeld: (reviewId = 'rev-1', meetingHeldOn = '2026-12-01'): EhcpCaseEvent => ({
    type: 'ReviewMeetingHeld',
    data: { reviewId, meetingHeldOn },
  }),
  reviewDecided: (
    reviewId = 'rev-1',
    decision: ReviewDecision = 'amend',
    decidedOn = '2026-12-20',
  ): EhcpCaseEvent => ({
    type: 'ReviewDecisionMade',
    data: { reviewId, decision, decidedOn },
  }),
  /** Without `reviewId` (undefined): a notice as stored before the link to its review existed. */
  noticeIssued: (noticeId = 'not-1', issuedOn = '2027-01-05', reviewId?: string | null): EhcpCaseEvent => ({
    type: 'AmendmentNoticeIssued',
    data: reviewId === undefined ? { noticeId, issuedOn } : { noticeId, issuedOn, reviewId },
  }),
  amendmentRepresentations: (noticeId = 'not-1', receivedOn = '2027-01-10'): EhcpCaseEvent => ({
    type: 'AmendmentRepresentationsReceived',
    data: { noticeId, receivedOn },
  }),
  amendedIssued: (
    noticeId = 'not-1',
    issuedOn = '2027-02-01',
    placement: Placement | null = null,
  ): EhcpCaseEvent => ({ type: 'AmendedPlanIssued', data: { noticeId, issuedOn, placement } }),
  noAmendment: (noticeId = 'not-1', decidedOn = '2027-02-01'): EhcpCaseEvent => ({
    type: 'NoAmendmentDecided',
    data: { noticeId, decidedOn },
  }),
  transferPlanned: (
    transferId = 'tr-1',
    kind: YearTransferKind = 'school_phase',
    transferYear = 2028,
    plannedOn = '2026-03-01',
  ): EhcpCaseEvent => ({ type: 'PhaseTransferPlanned', data: { transferId, kind, transferYear, plannedOn } }),
  post16TransferPlanned: (transferId: string, transferOn: string, plannedOn: string): EhcpCaseEvent => ({
    type: 'PhaseTransferPlanned',
    data: { transferId, kind: 'post16_institution', transferOn, plannedOn },
  }),
  /** A valid audit by default: a draft's leaves section I `not_applicable` (DOMAIN.md, 2nd ed.). */
  qaAudited: (
    auditId = 'qa-1',
    auditedOn = '2025-12-23',
    sections?: QaSections,
    planVersion: PlanVersion = 'draft',
  ): EhcpCaseEvent => {
    const graded = sections ?? (planVersion === 'draft' ? DRAFT_SECTIONS : GOOD_SECTIONS);
    return {
      type: 'QaAuditRecorded',
      data: {
        auditId,
        planVersion,
        auditedOn,
        auditorRole: 'qa_officer',
        sections: graded,
        actions: null,
        overallGrade: overallGradeOf(graded),
      },
    };
  },
  ceased: (ceasedOn = '2027-06-01'): EhcpCaseEvent => ({
    type: 'PlanCeased',
    data: { ceasedOn, reason: 'no longer needed' },
  }),
  closed: (closedOn = '2027-06-01'): EhcpCaseEvent => ({
    type: 'CaseClosed',
    data: { closedOn, reason: 'request_withdrawn' },
  }),
  erased: (erasedOn = '2027-07-01'): EhcpCaseEvent => ({ type: 'PersonalDataErased', data: { erasedOn } }),
  // (2nd ed.) Transfer in, re-assessment, appeals, mediation, cessation.
  transferredIn: (
    options: RequestOptions & {
      transferredOn?: string;
      planMadeOn?: string;
      lastReviewedOn?: string | null;
    } = {},
  ): EhcpCaseEvent => ({
    type: 'PlanTransferredIn',
    data: {
      caseId: options.caseId ?? 'case-1',
      reference: options.reference === undefined ? 'EHC-0001' : options.reference,
      team: options.team ?? 'north',
      transferredOn: options.transferredOn ?? '2025-12-01',
      fromAuthority: 'Somerset County Council',
      planMadeOn: options.planMadeOn ?? '2024-01-15',
      lastReviewedOn: options.lastReviewedOn === undefined ? '2025-01-10' : options.lastReviewedOn,
      placement: PLACEMENT,
      caseworkerId: options.caseworkerId ?? null,
      personal: (options.personal === undefined ? CHILD : options.personal) as typeof CHILD,
    },
  }),
  transferNoticeIssued: (issuedOn = '2025-12-20', proposesAssessment = false): EhcpCaseEvent => ({
    type: 'TransferNoticeIssued',
    data: { issuedOn, proposesAssessment },
  }),
  reassessmentRequested: (
    requestId = 'rea-1',
    receivedOn = '2026-09-01',
    requestedBy: 'parent' | 'young_person' | 'institution' | 'local_authority' = 'parent',
  ): EhcpCaseEvent => ({ type: 'ReassessmentRequested', data: { requestId, receivedOn, requestedBy } }),
  reassessmentDecided: (
    requestId = 'rea-1',
    decision: 'reassess' | 'refuse' = 'reassess',
    decidedOn = '2026-09-14',
  ): EhcpCaseEvent => ({ type: 'ReassessmentDecisionMade', data: { requestId, decision, decidedOn } }),
  planKeptUnchanged: (requestId = 'rea-1', decidedOn = '2026-11-20'): EhcpCaseEvent => ({
    type: 'PlanKeptUnchanged',
    data: { requestId, decidedOn },
  }),
  appealLodged: (
    appealId = 'app-1',
    against: AppealSubject = 'refusal_to_assess',
    lodgedOn = '2025-11-01',
  ): EhcpCaseEvent => ({ type: 'AppealLodged', data: { appealId, lodgedOn, against } }),
  appealDecided: (
    appealId = 'app-1',
    outcome: AppealOutcome = 'order',
    decidedOn = '2026-03-02',
  ): EhcpCaseEvent => ({
    type: 'AppealOutcomeRecorded',
    data: { appealId, outcome, decidedOn },
  }),
  mediationStarted: (mediationId = 'med-1', startedOn = '2025-11-01'): EhcpCaseEvent => ({
    type: 'MediationStarted',
    data: { mediationId, startedOn },
  }),
  mediationEnded: (mediationId = 'med-1', endedOn = '2025-12-01'): EhcpCaseEvent => ({
    type: 'MediationEnded',
    data: { mediationId, endedOn },
  }),
  cessationDecided: (
    decidedOn = '2027-01-10',
    reason: CessationReason = 'needs_met_without_plan',
  ): EhcpCaseEvent => ({
    type: 'CessationDecided',
    data: { decidedOn, reason },
  }),
  // (2nd ed.) The child's views (CFA s19) and the family's private link.
  viewsRecorded: (
    viewsId = 'vw-1',
    gatheredOn = '2025-10-20',
    stage: ViewsStage = 'assessment',
    summary: string | null = VIEWS_SUMMARY,
    method: ViewsMethod = 'meeting',
  ): EhcpCaseEvent => ({
    type: 'ViewsRecorded',
    data: { viewsId, gatheredOn, method, stage, personal: summary === null ? null : { summary } },
  }),
  familyLinkIssued: (
    linkId = 'fl-1',
    issuedOn = '2027-12-01',
    expiresOn = '2028-02-29',
    tokenHash = TOKEN_HASH,
  ): EhcpCaseEvent => ({ type: 'FamilyLinkIssued', data: { linkId, tokenHash, issuedOn, expiresOn } }),
  familyLinkRevoked: (linkId = 'fl-1', revokedOn = '2027-12-10'): EhcpCaseEvent => ({
    type: 'FamilyLinkRevoked',
    data: { linkId, revokedOn },
  }),
  familyLinkViewed: (linkId = 'fl-1', viewedOn = '2027-12-02'): EhcpCaseEvent => ({
    type: 'FamilyLinkViewed',
    data: { linkId, viewedOn },
  }),
  // (2nd ed.) Corrections, recorded on the fixtures' TODAY by default.
  factCorrected: (
    revision: number,
    correctedType: FactEvent['type'],
    changes: CorrectionChanges,
    correctionId = 'cor-1',
    correctedOn = '2027-12-31',
  ): EhcpCaseEvent => ({
    type: 'FactCorrected',
    data: { correctionId, revision, correctedType, changes, reason: 'typing mistake', correctedOn },
  }),
  factVoided: (
    revision: number,
    voidedType: FactEvent['type'],
    correctionId = 'cor-1',
    voidedOn = '2027-12-31',
  ): EhcpCaseEvent => ({
    type: 'FactVoided',
    data: { correctionId, revision, voidedType, reason: 'recorded in error', voidedOn },
  }),
  childCorrected: (
    personal: typeof CHILD | null = { ...CHILD, lastName: 'Khan-Ali' },
    correctedOn = '2027-12-31',
  ): EhcpCaseEvent => ({
    type: 'ChildDetailsCorrected',
    data: {
      personal: (personal === null ? null : { ...personal, reason: 'surname misspelt' }) as typeof CHILD & {
        reason: string;
      },
      correctedOn,
    },
  }),
};

import {
  overallGradeOf,
  type EhcpCaseEvent,
  type ExceptionReason,
  type PhaseTransferKind,
  type PlanVersion,
  type QaSections,
  type ReviewDecision,
} from '@ehcp/domain';

// Event builders for the projection specifications: the stored shape of each event, with defaults.

export const CHILD = { firstName: 'Amelia', lastName: 'Khan', dateOfBirth: '2016-04-12' };
export const PLACEMENT = { institution: 'Riverside Academy', type: 'mainstream' };
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

export interface RequestOptions {
  readonly team?: string;
  readonly requestReceivedOn?: string;
  readonly reference?: string | null;
  readonly caseworkerId?: string | null;
  readonly personal?: typeof CHILD | null;
}

export const on = {
  requestReceived: (caseId: string, options: RequestOptions = {}): EhcpCaseEvent => ({
    type: 'RequestReceived',
    data: {
      caseId,
      reference: options.reference === undefined ? `EHC-${caseId.slice(0, 8)}` : options.reference,
      team: options.team ?? 'north',
      requestReceivedOn: options.requestReceivedOn ?? '2025-01-06',
      requestedBy: 'parent',
      caseworkerId: options.caseworkerId ?? null,
      // null: what the event store hands over once the case's key was shredded.
      personal: (options.personal === undefined ? CHILD : options.personal) as typeof CHILD,
    },
  }),
  caseworkerAssigned: (caseworkerId: string, assignedOn: string): EhcpCaseEvent => ({
    type: 'CaseworkerAssigned',
    data: { caseworkerId, assignedOn },
  }),
  assessed: (decidedOn: string): EhcpCaseEvent => ({
    type: 'AssessmentDecisionMade',
    data: { decision: 'assess', decidedOn },
  }),
  refused: (decidedOn: string): EhcpCaseEvent => ({
    type: 'AssessmentDecisionMade',
    data: { decision: 'refuse', decidedOn },
  }),
  adviceRequested: (adviceId: string, requestedOn: string): EhcpCaseEvent => ({
    type: 'AdviceRequested',
    data: { adviceId, source: 'educational_psychology', requestedOn },
  }),
  adviceReceived: (adviceId: string, receivedOn: string): EhcpCaseEvent => ({
    type: 'AdviceReceived',
    data: { adviceId, receivedOn },
  }),
  exceptionRecorded: (
    exceptionId: string,
    reason: ExceptionReason,
    startedOn: string,
    endedOn: string | null = null,
  ): EhcpCaseEvent => ({
    type: 'TimescaleExceptionRecorded',
    data: { exceptionId, reason, startedOn, endedOn, note: null },
  }),
  exceptionEnded: (exceptionId: string, endedOn: string): EhcpCaseEvent => ({
    type: 'TimescaleExceptionEnded',
    data: { exceptionId, endedOn },
  }),
  planDecided: (decision: 'issue' | 'not_issue', decidedOn: string): EhcpCaseEvent => ({
    type: 'PlanDecisionMade',
    data: { decision, decidedOn },
  }),
  draftIssued: (issuedOn: string): EhcpCaseEvent => ({ type: 'DraftPlanIssued', data: { issuedOn } }),
  representations: (receivedOn: string): EhcpCaseEvent => ({
    type: 'RepresentationsReceived',
    data: { receivedOn, requestedInstitution: null },
  }),
  consulted: (consultationId: string, consultedOn: string): EhcpCaseEvent => ({
    type: 'InstitutionConsulted',
    data: { consultationId, institution: 'Riverside Academy', consultedOn },
  }),
  consultationAnswered: (consultationId: string, receivedOn: string): EhcpCaseEvent => ({
    type: 'ConsultationResponseReceived',
    data: { consultationId, receivedOn, outcome: 'can_meet_needs' },
  }),
  finalPlanIssued: (issuedOn: string): EhcpCaseEvent => ({
    type: 'FinalPlanIssued',
    data: { issuedOn, placement: PLACEMENT },
  }),
  qaAudit: (
    auditId: string,
    auditedOn: string,
    sections: QaSections = GOOD_SECTIONS,
    planVersion: PlanVersion = 'final',
  ): EhcpCaseEvent => ({
    type: 'QaAuditRecorded',
    data: {
      auditId,
      planVersion,
      auditedOn,
      auditorRole: 'qa_officer',
      sections,
      actions: null,
      overallGrade: overallGradeOf(sections),
    },
  }),
  reviewHeld: (reviewId: string, meetingHeldOn: string): EhcpCaseEvent => ({
    type: 'ReviewMeetingHeld',
    data: { reviewId, meetingHeldOn },
  }),
  reviewDecided: (reviewId: string, decision: ReviewDecision, decidedOn: string): EhcpCaseEvent => ({
    type: 'ReviewDecisionMade',
    data: { reviewId, decision, decidedOn },
  }),
  amendmentNotice: (noticeId: string, issuedOn: string): EhcpCaseEvent => ({
    type: 'AmendmentNoticeIssued',
    data: { noticeId, issuedOn },
  }),
  amendmentRepresentations: (noticeId: string, receivedOn: string): EhcpCaseEvent => ({
    type: 'AmendmentRepresentationsReceived',
    data: { noticeId, receivedOn },
  }),
  amendedPlan: (
    noticeId: string,
    issuedOn: string,
    placement: typeof PLACEMENT | null = null,
  ): EhcpCaseEvent => ({
    type: 'AmendedPlanIssued',
    data: { noticeId, issuedOn, placement },
  }),
  phaseTransfer: (
    transferId: string,
    kind: PhaseTransferKind,
    transferYear: number,
    plannedOn: string,
  ): EhcpCaseEvent => ({
    type: 'PhaseTransferPlanned',
    data: { transferId, kind, transferYear, plannedOn },
  }),
  planCeased: (ceasedOn: string): EhcpCaseEvent => ({
    type: 'PlanCeased',
    data: { ceasedOn, reason: 'no longer needed' },
  }),
  caseClosed: (closedOn: string): EhcpCaseEvent => ({
    type: 'CaseClosed',
    data: { closedOn, reason: 'moved_out_of_area' },
  }),
  personalDataErased: (erasedOn: string): EhcpCaseEvent => ({
    type: 'PersonalDataErased',
    data: { erasedOn },
  }),
};

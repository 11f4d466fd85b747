import type { EhcpCaseCommand } from '../ehcp-case/ehcp-case.commands';
import type { EhcpCaseEvent } from '../ehcp-case/ehcp-case.events';
import type {
  ExceptionReason,
  PhaseTransferKind,
  Placement,
  ReviewDecision,
} from '../ehcp-case/ehcp-case.vocabulary';
import type { QaSections } from '../qa/qa-grade';

// Test data for the specifications: one worked case, Mon 1 Sep 2025 to an amended plan in 2027.

export const TODAY = '2027-12-31';
export const REQUEST_ON = '2025-09-01';
export const PLACEMENT: Placement = { institution: 'Riverside Academy', type: 'mainstream' };
export const CHILD = { firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '2015-12-10' };
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

type CommandOf<T extends EhcpCaseCommand['type']> = Extract<EhcpCaseCommand, { type: T }>;

/** A typed command with `today` defaulting to TODAY. */
export function command<T extends EhcpCaseCommand['type']>(
  type: T,
  data: CommandOf<T>['data'],
  today: string = TODAY,
): CommandOf<T> {
  return { type, data, today } as CommandOf<T>;
}

export const on = {
  requestReceived: (requestReceivedOn = REQUEST_ON): EhcpCaseEvent => ({
    type: 'RequestReceived',
    data: {
      caseId: 'case-1',
      reference: 'EHC-0001',
      team: 'north',
      requestReceivedOn,
      requestedBy: 'parent',
      caseworkerId: null,
      personal: CHILD,
    },
  }),
  assessed: (decidedOn = '2025-10-06'): EhcpCaseEvent => ({
    type: 'AssessmentDecisionMade',
    data: { decision: 'assess', decidedOn },
  }),
  refused: (decidedOn = '2025-10-06'): EhcpCaseEvent => ({
    type: 'AssessmentDecisionMade',
    data: { decision: 'refuse', decidedOn },
  }),
  adviceRequested: (adviceId = 'adv-1', requestedOn = '2025-10-07'): EhcpCaseEvent => ({
    type: 'AdviceRequested',
    data: { adviceId, source: 'educational_psychology', requestedOn },
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
  noticeIssued: (noticeId = 'not-1', issuedOn = '2027-01-05'): EhcpCaseEvent => ({
    type: 'AmendmentNoticeIssued',
    data: { noticeId, issuedOn },
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
    kind: PhaseTransferKind = 'school_phase',
    transferYear = 2028,
    plannedOn = '2026-03-01',
  ): EhcpCaseEvent => ({ type: 'PhaseTransferPlanned', data: { transferId, kind, transferYear, plannedOn } }),
  qaAudited: (auditId = 'qa-1', auditedOn = '2025-12-23'): EhcpCaseEvent => ({
    type: 'QaAuditRecorded',
    data: {
      auditId,
      planVersion: 'draft',
      auditedOn,
      auditorRole: 'qa_officer',
      sections: GOOD_SECTIONS,
      actions: null,
      overallGrade: 'good',
    },
  }),
  ceased: (ceasedOn = '2027-06-01'): EhcpCaseEvent => ({
    type: 'PlanCeased',
    data: { ceasedOn, reason: 'no longer needed' },
  }),
  closed: (closedOn = '2027-06-01'): EhcpCaseEvent => ({
    type: 'CaseClosed',
    data: { closedOn, reason: 'request_withdrawn' },
  }),
  erased: (erasedOn = '2027-07-01'): EhcpCaseEvent => ({ type: 'PersonalDataErased', data: { erasedOn } }),
};

/** Event histories that bring a case to each stage along the worked case. */
export const history = {
  requested: [on.requestReceived()],
  assessing: [on.requestReceived(), on.assessed()],
  refused: [on.requestReceived(), on.refused()],
  drafting: [on.requestReceived(), on.assessed(), on.adviceRequested(), on.adviceReceived(), on.toIssue()],
  notIssued: [on.requestReceived(), on.assessed(), on.notToIssue()],
  draftIssued: [
    on.requestReceived(),
    on.assessed(),
    on.adviceRequested(),
    on.adviceReceived(),
    on.toIssue(),
    on.draftIssued(),
  ],
  planMaintained: [
    on.requestReceived(),
    on.assessed(),
    on.adviceRequested(),
    on.adviceReceived(),
    on.toIssue(),
    on.draftIssued(),
    on.representations(),
    on.finalIssued(),
  ],
  get ceased(): EhcpCaseEvent[] {
    return [...this.planMaintained, on.ceased()];
  },
  get closed(): EhcpCaseEvent[] {
    return [...this.requested, on.closed('2025-09-10')];
  },
};

import type { EhcpCaseCommand } from '../ehcp-case/ehcp-case.commands';
import type { FactEvent } from '../ehcp-case/ehcp-case.events';
import { assertNever } from '../shared/assert-never';

/**
 * The command that recorded a fact, so that a corrected history can be decided again, fact by fact,
 * by the very rules that accepted it. `today` is the correction's, except where the fact kept the
 * day it was recorded (a phase transfer's `plannedOn`, an erasure's `erasedOn`) because a rule reads
 * it. Null for the request (and a transfer in): its personal data is not in the state, so its corrected fields are
 * checked one by one instead (they are all the command has to check besides the child).
 */
export function commandOf(event: FactEvent, today: string): EhcpCaseCommand | null {
  switch (event.type) {
    case 'RequestReceived':
    case 'PlanTransferredIn':
      return null;
    case 'CaseworkerAssigned':
      return { type: 'AssignCaseworker', data: event.data, today };
    case 'AssessmentDecisionMade':
      return { type: 'DecideAssessment', data: event.data, today };
    case 'AdviceRequested':
      return { type: 'RequestAdvice', data: event.data, today };
    case 'AdviceReceived':
      return { type: 'ReceiveAdvice', data: event.data, today };
    case 'TimescaleExceptionRecorded':
      return { type: 'RecordException', data: event.data, today };
    case 'TimescaleExceptionEnded':
      return { type: 'EndException', data: event.data, today };
    case 'PlanDecisionMade':
      return { type: 'DecidePlan', data: event.data, today };
    case 'DraftPlanIssued':
      return { type: 'IssueDraftPlan', data: event.data, today };
    case 'RepresentationsReceived':
      return { type: 'ReceiveRepresentations', data: event.data, today };
    case 'InstitutionConsulted':
      return { type: 'ConsultInstitution', data: event.data, today };
    case 'ConsultationResponseReceived':
      return { type: 'ReceiveConsultationResponse', data: event.data, today };
    case 'FinalPlanIssued':
      return { type: 'IssueFinalPlan', data: event.data, today };
    case 'QaAuditRecorded': {
      const { overallGrade: _derived, ...data } = event.data;
      return { type: 'RecordQaAudit', data, today };
    }
    case 'ReviewMeetingHeld':
      return { type: 'HoldReviewMeeting', data: event.data, today };
    case 'ReviewDecisionMade':
      return { type: 'DecideReview', data: event.data, today };
    case 'AmendmentNoticeIssued':
      return { type: 'IssueAmendmentNotice', data: event.data, today };
    case 'AmendmentRepresentationsReceived':
      return { type: 'ReceiveAmendmentRepresentations', data: event.data, today };
    case 'AmendedPlanIssued':
      return { type: 'IssueAmendedPlan', data: event.data, today };
    case 'NoAmendmentDecided':
      return { type: 'DecideNotToAmend', data: event.data, today };
    case 'PhaseTransferPlanned': {
      const { plannedOn, ...data } = event.data;
      return { type: 'PlanPhaseTransfer', data, today: plannedOn };
    }
    case 'PlanCeased':
      return { type: 'CeasePlan', data: event.data, today };
    case 'CaseClosed':
      return { type: 'CloseCase', data: event.data, today };
    case 'PersonalDataErased':
      return { type: 'ErasePersonalData', data: {}, today: event.data.erasedOn };
    case 'TransferNoticeIssued':
      return { type: 'IssueTransferNotice', data: event.data, today };
    case 'ReassessmentRequested':
      return { type: 'RequestReassessment', data: event.data, today };
    case 'ReassessmentDecisionMade':
      return { type: 'DecideReassessment', data: event.data, today };
    case 'PlanKeptUnchanged':
      return { type: 'KeepPlanUnchanged', data: event.data, today };
    case 'AppealLodged':
      return { type: 'LodgeAppeal', data: event.data, today };
    case 'AppealOutcomeRecorded':
      return { type: 'RecordAppealOutcome', data: event.data, today };
    case 'MediationStarted':
      return { type: 'StartMediation', data: event.data, today };
    case 'MediationEnded':
      return { type: 'EndMediation', data: event.data, today };
    case 'CessationDecided':
      return { type: 'DecideCessation', data: event.data, today };
    case 'ViewsRecorded': {
      // The summary is personal data, which no rule reads.
      const { personal, ...data } = event.data;
      void personal;
      return { type: 'RecordViews', data: { ...data, summary: null }, today };
    }
    // Access records: neither corrected nor voided, so nothing of theirs to decide again.
    case 'FamilyLinkIssued':
    case 'FamilyLinkRevoked':
    case 'FamilyLinkViewed':
      return null;
    default:
      return assertNever(event);
  }
}

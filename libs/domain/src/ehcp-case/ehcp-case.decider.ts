import { assignCaseworker } from '../commands/assign-caseworker/assign-caseworker.decider';
import { ceasePlan } from '../commands/cease-plan/cease-plan.decider';
import { closeCase } from '../commands/close-case/close-case.decider';
import { consultInstitution } from '../commands/consult-institution/consult-institution.decider';
import { correctChild } from '../commands/correct-child/correct-child.decider';
import { correctFact } from '../commands/correct-fact/correct-fact.decider';
import { decideNotToAmend } from '../commands/decide-not-to-amend/decide-not-to-amend.decider';
import { decideAssessment } from '../commands/decide-assessment/decide-assessment.decider';
import { decidePlan } from '../commands/decide-plan/decide-plan.decider';
import { decideReview } from '../commands/decide-review/decide-review.decider';
import { endException } from '../commands/end-exception/end-exception.decider';
import { erasePersonalData } from '../commands/erase-personal-data/erase-personal-data.decider';
import { holdReviewMeeting } from '../commands/hold-review-meeting/hold-review-meeting.decider';
import { issueAmendedPlan } from '../commands/issue-amended-plan/issue-amended-plan.decider';
import { issueAmendmentNotice } from '../commands/issue-amendment-notice/issue-amendment-notice.decider';
import { issueDraftPlan } from '../commands/issue-draft-plan/issue-draft-plan.decider';
import { issueFinalPlan } from '../commands/issue-final-plan/issue-final-plan.decider';
import { planPhaseTransfer } from '../commands/plan-phase-transfer/plan-phase-transfer.decider';
import { receiveAdvice } from '../commands/receive-advice/receive-advice.decider';
import { receiveAmendmentRepresentations } from '../commands/receive-amendment-representations/receive-amendment-representations.decider';
import { receiveConsultationResponse } from '../commands/receive-consultation-response/receive-consultation-response.decider';
import { receiveRepresentations } from '../commands/receive-representations/receive-representations.decider';
import { receiveRequest } from '../commands/receive-request/receive-request.decider';
import { recordException } from '../commands/record-exception/record-exception.decider';
import { recordQaAudit } from '../commands/record-qa-audit/record-qa-audit.decider';
import { requestAdvice } from '../commands/request-advice/request-advice.decider';
import { transferIn } from '../commands/transfer-in/transfer-in.decider';
import { issueTransferNotice } from '../commands/issue-transfer-notice/issue-transfer-notice.decider';
import { requestReassessment } from '../commands/request-reassessment/request-reassessment.decider';
import { decideReassessment } from '../commands/decide-reassessment/decide-reassessment.decider';
import { keepPlanUnchanged } from '../commands/keep-plan-unchanged/keep-plan-unchanged.decider';
import { lodgeAppeal } from '../commands/lodge-appeal/lodge-appeal.decider';
import { recordAppealOutcome } from '../commands/record-appeal-outcome/record-appeal-outcome.decider';
import { startMediation } from '../commands/start-mediation/start-mediation.decider';
import { endMediation } from '../commands/end-mediation/end-mediation.decider';
import { recordViews } from '../commands/record-views/record-views.decider';
import { issueFamilyLink } from '../commands/issue-family-link/issue-family-link.decider';
import { revokeFamilyLink } from '../commands/revoke-family-link/revoke-family-link.decider';
import { recordFamilyView } from '../commands/record-family-view/record-family-view.decider';
import { decideCessation } from '../commands/decide-cessation/decide-cessation.decider';
import { assertNever } from '../shared/assert-never';
import { assertIsoDate } from '../shared/local-date';
import type { EhcpCaseCommand } from './ehcp-case.commands';
import { stateJudgedOn } from './effective-stage';
import { requirePlainText } from './ehcp-case.guards';
import type { EhcpCaseEvent } from './ehcp-case.events';
import type { EhcpCaseState } from './ehcp-case.state';

/**
 * Decides what a command means for a case: the events to append, or a DomainError. Pure: the
 * evaluation date (`today`), ids and the acting user arrive on the command. (2nd ed.) A case is
 * judged as it stands on `today`: once a pending cessation's date is reached, as a ceased plan.
 */
export function decide(command: EhcpCaseCommand, state: EhcpCaseState): EhcpCaseEvent[] {
  return decideOn(command, stateJudgedOn(command.type, state, command.today));
}

/**
 * (2nd ed.) Corrections: decides again a fact already recorded, by the command that recorded it, on
 * the facts before it. Its recording day is not kept, only that it was accepted then: a fact recorded
 * while a decision to cease was pending is not judged as on a ceased plan because the correction
 * comes after the day the plan ceased.
 */
export function decideRecordedFact(command: EhcpCaseCommand, state: EhcpCaseState): EhcpCaseEvent[] {
  return decideOn(command, state);
}

function decideOn(command: EhcpCaseCommand, state: EhcpCaseState): EhcpCaseEvent[] {
  assertIsoDate(command.today, 'today');
  // Once here for every command: one bad character would stop the projector on the event for ever.
  requirePlainText(command.data);
  switch (command.type) {
    case 'ReceiveRequest':
      return receiveRequest(command, state);
    case 'AssignCaseworker':
      return assignCaseworker(command, state);
    case 'DecideAssessment':
      return decideAssessment(command, state);
    case 'RequestAdvice':
      return requestAdvice(command, state);
    case 'ReceiveAdvice':
      return receiveAdvice(command, state);
    case 'RecordException':
      return recordException(command, state);
    case 'EndException':
      return endException(command, state);
    case 'DecidePlan':
      return decidePlan(command, state);
    case 'IssueDraftPlan':
      return issueDraftPlan(command, state);
    case 'ReceiveRepresentations':
      return receiveRepresentations(command, state);
    case 'ConsultInstitution':
      return consultInstitution(command, state);
    case 'ReceiveConsultationResponse':
      return receiveConsultationResponse(command, state);
    case 'IssueFinalPlan':
      return issueFinalPlan(command, state);
    case 'RecordQaAudit':
      return recordQaAudit(command, state);
    case 'HoldReviewMeeting':
      return holdReviewMeeting(command, state);
    case 'DecideReview':
      return decideReview(command, state);
    case 'IssueAmendmentNotice':
      return issueAmendmentNotice(command, state);
    case 'ReceiveAmendmentRepresentations':
      return receiveAmendmentRepresentations(command, state);
    case 'IssueAmendedPlan':
      return issueAmendedPlan(command, state);
    case 'DecideNotToAmend':
      return decideNotToAmend(command, state);
    case 'PlanPhaseTransfer':
      return planPhaseTransfer(command, state);
    case 'CeasePlan':
      return ceasePlan(command, state);
    case 'CloseCase':
      return closeCase(command, state);
    case 'ErasePersonalData':
      return erasePersonalData(command, state);
    case 'CorrectFact':
      // The corrected history is decided again, fact by fact, as each fact was when recorded.
      return correctFact(command, state, decideRecordedFact);
    case 'CorrectChild':
      return correctChild(command, state);
    case 'TransferIn':
      return transferIn(command, state);
    case 'IssueTransferNotice':
      return issueTransferNotice(command, state);
    case 'RequestReassessment':
      return requestReassessment(command, state);
    case 'DecideReassessment':
      return decideReassessment(command, state);
    case 'KeepPlanUnchanged':
      return keepPlanUnchanged(command, state);
    case 'LodgeAppeal':
      return lodgeAppeal(command, state);
    case 'RecordAppealOutcome':
      return recordAppealOutcome(command, state);
    case 'StartMediation':
      return startMediation(command, state);
    case 'EndMediation':
      return endMediation(command, state);
    case 'DecideCessation':
      return decideCessation(command, state);
    case 'RecordViews':
      return recordViews(command, state);
    case 'IssueFamilyLink':
      return issueFamilyLink(command, state);
    case 'RevokeFamilyLink':
      return revokeFamilyLink(command, state);
    case 'RecordFamilyView':
      return recordFamilyView(command, state);
    default:
      return assertNever(command);
  }
}

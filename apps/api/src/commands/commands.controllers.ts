import { AssignCaseworkerController } from './assign-caseworker.http';
import { CeasePlanController } from './cease-plan.http';
import { CloseCaseController } from './close-case.http';
import { ConsultInstitutionController } from './consult-institution.http';
import { CorrectChildController } from './correct-child.http';
import { CorrectFactController } from './correct-fact.http';
import { DecideAssessmentController } from './decide-assessment.http';
import { DecideCessationController } from './decide-cessation.http';
import { DecideNotToAmendController } from './decide-not-to-amend.http';
import { DecidePlanController } from './decide-plan.http';
import { DecideReassessmentController } from './decide-reassessment.http';
import { DecideReviewController } from './decide-review.http';
import { EndExceptionController } from './end-exception.http';
import { EndMediationController } from './end-mediation.http';
import { ErasePersonalDataController } from './erase-personal-data.http';
import { HoldReviewMeetingController } from './hold-review-meeting.http';
import { IssueAmendedPlanController } from './issue-amended-plan.http';
import { IssueAmendmentNoticeController } from './issue-amendment-notice.http';
import { IssueDraftPlanController } from './issue-draft-plan.http';
import { IssueFamilyLinkController } from './issue-family-link.http';
import { IssueFinalPlanController } from './issue-final-plan.http';
import { IssueTransferNoticeController } from './issue-transfer-notice.http';
import { KeepPlanUnchangedController } from './keep-plan-unchanged.http';
import { LodgeAppealController } from './lodge-appeal.http';
import { PlanPhaseTransferController } from './plan-phase-transfer.http';
import { ReceiveAdviceController } from './receive-advice.http';
import { ReceiveAmendmentRepresentationsController } from './receive-amendment-representations.http';
import { ReceiveConsultationResponseController } from './receive-consultation-response.http';
import { ReceiveRepresentationsController } from './receive-representations.http';
import { ReceiveRequestController } from './receive-request.http';
import { RecordAppealOutcomeController } from './record-appeal-outcome.http';
import { RecordExceptionController } from './record-exception.http';
import { RecordQaAuditController } from './record-qa-audit.http';
import { RecordViewsController } from './record-views.http';
import { RequestAdviceController } from './request-advice.http';
import { RequestReassessmentController } from './request-reassessment.http';
import { RevokeFamilyLinkController } from './revoke-family-link.http';
import { StartMediationController } from './start-mediation.http';
import { TransferInController } from './transfer-in.http';

/**
 * Every API.md case command, one `<use-case>.http.ts` each (DTO and route). A new lifecycle step is a
 * decider in libs/domain, an http file here and one line below; CaseCommandHandler runs them all.
 * Kept in this order: it is the order of the routes in the OpenAPI document.
 */
export const COMMAND_CONTROLLERS = [
  AssignCaseworkerController,
  CeasePlanController,
  CloseCaseController,
  ConsultInstitutionController,
  CorrectChildController,
  CorrectFactController,
  DecideAssessmentController,
  DecideCessationController,
  DecideNotToAmendController,
  DecidePlanController,
  DecideReassessmentController,
  DecideReviewController,
  EndExceptionController,
  EndMediationController,
  ErasePersonalDataController,
  HoldReviewMeetingController,
  IssueAmendedPlanController,
  IssueAmendmentNoticeController,
  IssueDraftPlanController,
  IssueFamilyLinkController,
  IssueFinalPlanController,
  IssueTransferNoticeController,
  KeepPlanUnchangedController,
  LodgeAppealController,
  PlanPhaseTransferController,
  ReceiveAdviceController,
  ReceiveAmendmentRepresentationsController,
  ReceiveConsultationResponseController,
  ReceiveRepresentationsController,
  ReceiveRequestController,
  RecordAppealOutcomeController,
  RecordExceptionController,
  RecordQaAuditController,
  RecordViewsController,
  RequestAdviceController,
  RequestReassessmentController,
  RevokeFamilyLinkController,
  StartMediationController,
  TransferInController,
];

import { Module } from '@nestjs/common';
import { CaseEventsController } from '../case-events/case-events.controller';
import { CommandIds } from '../idempotency/command-ids';
import { IdempotencyKeyPurger } from '../idempotency/idempotency-key.purger';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { IdempotencyRepository } from '../idempotency/idempotency.repository';
import { EtagInterceptor } from '../http/etag.interceptor';
import { AssignCaseworkerController } from './assign-caseworker/assign-caseworker.controller';
import { AssignCaseworkerHandler } from './assign-caseworker/assign-caseworker.handler';
import { CeasePlanController } from './cease-plan/cease-plan.controller';
import { CeasePlanHandler } from './cease-plan/cease-plan.handler';
import { CloseCaseController } from './close-case/close-case.controller';
import { CloseCaseHandler } from './close-case/close-case.handler';
import { ConsultInstitutionController } from './consult-institution/consult-institution.controller';
import { ConsultInstitutionHandler } from './consult-institution/consult-institution.handler';
import { DecideAssessmentController } from './decide-assessment/decide-assessment.controller';
import { DecideAssessmentHandler } from './decide-assessment/decide-assessment.handler';
import { DecidePlanController } from './decide-plan/decide-plan.controller';
import { DecidePlanHandler } from './decide-plan/decide-plan.handler';
import { DecideReviewController } from './decide-review/decide-review.controller';
import { DecideReviewHandler } from './decide-review/decide-review.handler';
import { EndExceptionController } from './end-exception/end-exception.controller';
import { EndExceptionHandler } from './end-exception/end-exception.handler';
import { ErasePersonalDataController } from './erase-personal-data/erase-personal-data.controller';
import { ErasePersonalDataHandler } from './erase-personal-data/erase-personal-data.handler';
import { HoldReviewMeetingController } from './hold-review-meeting/hold-review-meeting.controller';
import { HoldReviewMeetingHandler } from './hold-review-meeting/hold-review-meeting.handler';
import { IssueAmendedPlanController } from './issue-amended-plan/issue-amended-plan.controller';
import { IssueAmendedPlanHandler } from './issue-amended-plan/issue-amended-plan.handler';
import { IssueAmendmentNoticeController } from './issue-amendment-notice/issue-amendment-notice.controller';
import { IssueAmendmentNoticeHandler } from './issue-amendment-notice/issue-amendment-notice.handler';
import { IssueDraftPlanController } from './issue-draft-plan/issue-draft-plan.controller';
import { IssueDraftPlanHandler } from './issue-draft-plan/issue-draft-plan.handler';
import { IssueFinalPlanController } from './issue-final-plan/issue-final-plan.controller';
import { IssueFinalPlanHandler } from './issue-final-plan/issue-final-plan.handler';
import { PlanPhaseTransferController } from './plan-phase-transfer/plan-phase-transfer.controller';
import { PlanPhaseTransferHandler } from './plan-phase-transfer/plan-phase-transfer.handler';
import { ReceiveAdviceController } from './receive-advice/receive-advice.controller';
import { ReceiveAdviceHandler } from './receive-advice/receive-advice.handler';
import { ReceiveAmendmentRepresentationsController } from './receive-amendment-representations/receive-amendment-representations.controller';
import { ReceiveAmendmentRepresentationsHandler } from './receive-amendment-representations/receive-amendment-representations.handler';
import { ReceiveConsultationResponseController } from './receive-consultation-response/receive-consultation-response.controller';
import { ReceiveConsultationResponseHandler } from './receive-consultation-response/receive-consultation-response.handler';
import { ReceiveRepresentationsController } from './receive-representations/receive-representations.controller';
import { ReceiveRepresentationsHandler } from './receive-representations/receive-representations.handler';
import { ReceiveRequestController } from './receive-request/receive-request.controller';
import { ReceiveRequestHandler } from './receive-request/receive-request.handler';
import { RecordExceptionController } from './record-exception/record-exception.controller';
import { RecordExceptionHandler } from './record-exception/record-exception.handler';
import { RecordQaAuditController } from './record-qa-audit/record-qa-audit.controller';
import { RecordQaAuditHandler } from './record-qa-audit/record-qa-audit.handler';
import { RequestAdviceController } from './request-advice/request-advice.controller';
import { RequestAdviceHandler } from './request-advice/request-advice.handler';
import { CaseCommandExecutor } from './shared/case-command.executor';
import { CaseStreamReader } from './shared/case-stream.reader';

const CONTROLLERS = [
  AssignCaseworkerController,
  CeasePlanController,
  CloseCaseController,
  ConsultInstitutionController,
  DecideAssessmentController,
  DecidePlanController,
  DecideReviewController,
  EndExceptionController,
  ErasePersonalDataController,
  HoldReviewMeetingController,
  IssueAmendedPlanController,
  IssueAmendmentNoticeController,
  IssueDraftPlanController,
  IssueFinalPlanController,
  PlanPhaseTransferController,
  ReceiveAdviceController,
  ReceiveAmendmentRepresentationsController,
  ReceiveConsultationResponseController,
  ReceiveRepresentationsController,
  ReceiveRequestController,
  RecordExceptionController,
  RecordQaAuditController,
  RequestAdviceController,
  CaseEventsController,
];

const HANDLERS = [
  AssignCaseworkerHandler,
  CeasePlanHandler,
  CloseCaseHandler,
  ConsultInstitutionHandler,
  DecideAssessmentHandler,
  DecidePlanHandler,
  DecideReviewHandler,
  EndExceptionHandler,
  ErasePersonalDataHandler,
  HoldReviewMeetingHandler,
  IssueAmendedPlanHandler,
  IssueAmendmentNoticeHandler,
  IssueDraftPlanHandler,
  IssueFinalPlanHandler,
  PlanPhaseTransferHandler,
  ReceiveAdviceHandler,
  ReceiveAmendmentRepresentationsHandler,
  ReceiveConsultationResponseHandler,
  ReceiveRepresentationsHandler,
  ReceiveRequestHandler,
  RecordExceptionHandler,
  RecordQaAuditHandler,
  RequestAdviceHandler,
];

/**
 * Every API.md command (one folder per use case: controller -> @nestjs/cqrs command -> handler ->
 * the event store's decider runner) and the case history. Needs CqrsModule, EventStoreModule,
 * the database (idempotency keys) and the Clock.
 */
@Module({
  controllers: CONTROLLERS,
  providers: [
    ...HANDLERS,
    CaseCommandExecutor,
    CaseStreamReader,
    CommandIds,
    IdempotencyRepository,
    IdempotencyInterceptor,
    IdempotencyKeyPurger,
    EtagInterceptor,
  ],
})
export class CommandsModule {}

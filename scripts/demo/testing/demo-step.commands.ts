import type { EhcpCaseCommand, EhcpCaseCommandType } from '@ehcp/domain';
import type { DemoStep } from '../case-story';

// The domain command each demo step's HTTP route sends (API.md; apps/api/src/commands/*.http.ts), so
// that the generator's specs can replay a caseload through `decide` and `evolve` without the api.

interface Route {
  readonly type: EhcpCaseCommandType;
  /** The command field that the path's sub-resource id fills (`/advice-requests/{adviceId}/received`). */
  readonly idField?: string;
}

/** By the path after `/cases/{caseId}`, sub-resource ids written `:id`. */
const ROUTES: Readonly<Record<string, Route>> = {
  '/assessment-decision': { type: 'DecideAssessment' },
  '/advice-requests': { type: 'RequestAdvice' },
  '/advice-requests/:id/received': { type: 'ReceiveAdvice', idField: 'adviceId' },
  '/exceptions': { type: 'RecordException' },
  '/exceptions/:id/end': { type: 'EndException', idField: 'exceptionId' },
  '/plan-decision': { type: 'DecidePlan' },
  '/draft-plan': { type: 'IssueDraftPlan' },
  '/representations': { type: 'ReceiveRepresentations' },
  '/consultations': { type: 'ConsultInstitution' },
  '/consultations/:id/response': { type: 'ReceiveConsultationResponse', idField: 'consultationId' },
  '/final-plan': { type: 'IssueFinalPlan' },
  '/qa-audits': { type: 'RecordQaAudit' },
  '/reviews': { type: 'HoldReviewMeeting' },
  '/reviews/:id/decision': { type: 'DecideReview', idField: 'reviewId' },
  '/amendment-notices': { type: 'IssueAmendmentNotice' },
  '/amendment-notices/:id/representations': { type: 'ReceiveAmendmentRepresentations', idField: 'noticeId' },
  '/amendment-notices/:id/no-amendment': { type: 'DecideNotToAmend', idField: 'noticeId' },
  '/amended-plan': { type: 'IssueAmendedPlan' },
  '/phase-transfers': { type: 'PlanPhaseTransfer' },
  '/cessation': { type: 'CeasePlan' },
  '/closure': { type: 'CloseCase' },
  '/transfer-notice': { type: 'IssueTransferNotice' },
  '/reassessment-requests': { type: 'RequestReassessment' },
  '/reassessment-requests/:id/decision': { type: 'DecideReassessment', idField: 'requestId' },
  '/reassessment-requests/:id/unchanged': { type: 'KeepPlanUnchanged', idField: 'requestId' },
  '/appeals': { type: 'LodgeAppeal' },
  '/appeals/:id/outcome': { type: 'RecordAppealOutcome', idField: 'appealId' },
  '/mediations': { type: 'StartMediation' },
  '/mediations/:id/end': { type: 'EndMediation', idField: 'mediationId' },
  '/cessation-decision': { type: 'DecideCessation' },
};

/** The route of a step with its ids written `:id`: `/cases/:id/appeals/:id/outcome`. */
export function routeOf(step: DemoStep): string {
  return step.path.replace(/\/[0-9a-f-]{36}(?=\/|$)/g, '/:id');
}

/** The command a demo step sends, as the api builds it (the body, plus the path's sub-resource id). */
export function commandOf(step: DemoStep, today: string): EhcpCaseCommand {
  if (step.path === '/cases') return { type: 'ReceiveRequest', data: step.body, today } as EhcpCaseCommand;
  if (step.path === '/cases/transfers-in')
    return { type: 'TransferIn', data: step.body, today } as EhcpCaseCommand;
  const [, , , ...rest] = step.path.split('/');
  const id = rest.length > 1 ? rest[1] : undefined;
  const key = `/${rest.map((segment, index) => (index === 1 ? ':id' : segment)).join('/')}`;
  const route = ROUTES[key];
  if (route === undefined) throw new Error(`no command for ${step.path}`);
  const data = route.idField ? { ...step.body, [route.idField]: id } : step.body;
  return { type: route.type, data, today } as EhcpCaseCommand;
}

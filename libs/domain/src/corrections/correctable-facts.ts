import type { CorrectionChanges, FactEvent } from '../ehcp-case/ehcp-case.events';
import {
  ADVICE_SOURCES,
  APPEAL_OUTCOMES,
  APPEAL_SUBJECTS,
  CESSATION_REASONS,
  REASSESSMENT_DECISIONS,
  REASSESSMENT_REQUESTERS,
  ASSESSMENT_DECISIONS,
  AUDITOR_ROLES,
  CLOSURE_REASONS,
  CONSULTATION_OUTCOMES,
  EXCEPTION_REASONS,
  PHASE_TRANSFER_KINDS,
  PLAN_DECISIONS,
  PLAN_VERSIONS,
  REQUESTERS,
  REVIEW_DECISIONS,
  VIEWS_METHODS,
  VIEWS_STAGES,
} from '../ehcp-case/ehcp-case.vocabulary';
import { QA_GRADES, QA_SECTIONS } from '../qa/qa-grade';

// (2nd ed.) Corrections (DOMAIN.md): what of a recorded fact can be corrected. "A date or a choice":
// the dates people type and the choices they pick, never an id, a team, free text or personal data
// (the child's details have their own correction, PUT /cases/{caseId}/child).

/** A correctable field: a fact's date, an end date that may be cleared (null), a year, or a choice. */
export type CorrectableField = 'date' | 'optional_date' | 'year' | readonly string[];

type FactType = FactEvent['type'];

const SECTION_GRADES = [...QA_GRADES, 'not_applicable'] as const;
const SECTION_FIELDS: { readonly [field: string]: CorrectableField } = Object.fromEntries(
  QA_SECTIONS.map((section) => [`sections.${section}`, SECTION_GRADES]),
);

/** Per fact type, the fields a correction may change (a record: the compiler wants every fact). */
export const CORRECTABLE_FIELDS: {
  readonly [T in FactType]: { readonly [field: string]: CorrectableField };
} = {
  // Not the case id, the team (who may see the case) or the reference.
  RequestReceived: { requestReceivedOn: 'date', requestedBy: REQUESTERS },
  CaseworkerAssigned: { assignedOn: 'date' },
  AssessmentDecisionMade: { decision: ASSESSMENT_DECISIONS, decidedOn: 'date' },
  AdviceRequested: { source: ADVICE_SOURCES, requestedOn: 'date' },
  AdviceReceived: { receivedOn: 'date' },
  TimescaleExceptionRecorded: { reason: EXCEPTION_REASONS, startedOn: 'date', endedOn: 'optional_date' },
  TimescaleExceptionEnded: { endedOn: 'date' },
  PlanDecisionMade: { decision: PLAN_DECISIONS, decidedOn: 'date' },
  DraftPlanIssued: { issuedOn: 'date' },
  RepresentationsReceived: { receivedOn: 'date' },
  InstitutionConsulted: { consultedOn: 'date' },
  ConsultationResponseReceived: { receivedOn: 'date', outcome: CONSULTATION_OUTCOMES },
  FinalPlanIssued: { issuedOn: 'date' },
  QaAuditRecorded: {
    planVersion: PLAN_VERSIONS,
    auditedOn: 'date',
    auditorRole: AUDITOR_ROLES,
    ...SECTION_FIELDS,
  },
  ReviewMeetingHeld: { meetingHeldOn: 'date' },
  ReviewDecisionMade: { decision: REVIEW_DECISIONS, decidedOn: 'date' },
  AmendmentNoticeIssued: { issuedOn: 'date' },
  AmendmentRepresentationsReceived: { receivedOn: 'date' },
  AmendedPlanIssued: { issuedOn: 'date' },
  NoAmendmentDecided: { decidedOn: 'date' },
  // Not `plannedOn`: the day the transfer was recorded, which nobody typed.
  PhaseTransferPlanned: { kind: PHASE_TRANSFER_KINDS, transferYear: 'year' },
  PlanCeased: { ceasedOn: 'date' },
  CaseClosed: { closedOn: 'date', reason: CLOSURE_REASONS },
  PersonalDataErased: {},
  // As the request: not the case id, the team, the reference, the authority's name (free text).
  PlanTransferredIn: { transferredOn: 'date', planMadeOn: 'date', lastReviewedOn: 'optional_date' },
  TransferNoticeIssued: { issuedOn: 'date' },
  ReassessmentRequested: { receivedOn: 'date', requestedBy: REASSESSMENT_REQUESTERS },
  ReassessmentDecisionMade: { decision: REASSESSMENT_DECISIONS, decidedOn: 'date' },
  PlanKeptUnchanged: { decidedOn: 'date' },
  AppealLodged: { lodgedOn: 'date', against: APPEAL_SUBJECTS },
  AppealOutcomeRecorded: { outcome: APPEAL_OUTCOMES, decidedOn: 'date' },
  MediationStarted: { startedOn: 'date' },
  MediationEnded: { endedOn: 'date' },
  CessationDecided: { decidedOn: 'date', reason: CESSATION_REASONS },
  // The summary is personal data and free text: never corrected here.
  ViewsRecorded: { gatheredOn: 'date', method: VIEWS_METHODS, stage: VIEWS_STAGES },
  // Access to the record, not facts of the case: revoke a link instead.
  FamilyLinkIssued: {},
  FamilyLinkRevoked: {},
  FamilyLinkViewed: {},
};

/**
 * Facts that cannot be voided: the request (or the transfer in) is the case itself (close the case instead), an
 * erasure cannot be undone (the key is gone), and the record of access to the case stays.
 */
const NOT_VOIDABLE: readonly FactType[] = [
  'RequestReceived',
  'PlanTransferredIn',
  'PersonalDataErased',
  // (2nd ed.) Who was given access to the record, and who looked, stays on it.
  'FamilyLinkIssued',
  'FamilyLinkRevoked',
  'FamilyLinkViewed',
];

export function isVoidable(type: FactType): boolean {
  return !NOT_VOIDABLE.includes(type);
}

/** The fact as if recorded with `changes` in the first place (a dotted field is one level down). */
export function correctedEvent(event: FactEvent, changes: CorrectionChanges): FactEvent {
  const data: Record<string, unknown> = { ...event.data };
  for (const [field, value] of Object.entries(changes)) {
    const [head, child] = field.split('.');
    data[head] = child === undefined ? value : { ...(data[head] as object), [child]: value };
  }
  return { ...event, data } as FactEvent;
}

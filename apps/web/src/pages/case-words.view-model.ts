import type { AppealSubject, CaseStage, DeadlineStatus, EhcpCaseEventType } from '@ehcp/domain';

// The api's codes in plain words, for every caseworker page. A code the api adds later (API.md: "clients
// show unknown ones as they come") is shown as its words, never hidden.

/** Keyed by the domain's union, so the compiler insists every stage has its words. */
const STAGE_WORDS: { readonly [S in CaseStage]: string } = {
  requested: 'Request received',
  assessing: 'Assessing needs',
  refused_to_assess: 'Refused to assess',
  drafting: 'Drafting the plan',
  draft_issued: 'Draft plan issued',
  not_issued: 'Decided not to issue a plan',
  plan_maintained: 'Plan maintained',
  reassessing: 'Re-assessing',
  ceasing: 'Plan ceasing',
  ceased: 'Plan ceased',
  closed: 'Closed',
};

export const STAGES = Object.keys(STAGE_WORDS) as readonly CaseStage[];

/** `some_new_code` -> 'Some new code'. */
function wordsOfCode(code: string): string {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function stageWords(stage: string): string {
  return (STAGE_WORDS as Record<string, string>)[stage] ?? wordsOfCode(stage);
}

export interface StatusTag {
  readonly text: string;
  /** A GOV.UK tag colour class, or '' for the default (blue). */
  readonly classes: string;
}

const STATUS_TAGS: { readonly [S in DeadlineStatus]: StatusTag } = {
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
  due_soon: { text: 'Due soon', classes: 'govuk-tag--yellow' },
  on_track: { text: 'On track', classes: 'govuk-tag--green' },
  met: { text: 'Met', classes: 'govuk-tag--blue' },
  met_late: { text: 'Met late', classes: 'govuk-tag--orange' },
  cancelled: { text: 'Cancelled', classes: 'govuk-tag--grey' },
};

export function statusTag(status: string): StatusTag {
  return (
    (STATUS_TAGS as Record<string, StatusTag>)[status] ?? {
      text: wordsOfCode(status),
      classes: 'govuk-tag--grey',
    }
  );
}

/** `daysRemaining` in words: '3 days left', 'Due today', '1 day overdue'; '' once met or cancelled (null). */
export function daysRemainingWords(days: number | null): string {
  if (days === null) return '';
  if (days === 0) return 'Due today';
  const count = Math.abs(days);
  const unit = count === 1 ? 'day' : 'days';
  return days > 0 ? `${count} ${unit} left` : `${count} ${unit} overdue`;
}

const EVENT_WORDS: { readonly [T in EhcpCaseEventType]: string } = {
  RequestReceived: 'Request for assessment received',
  CaseworkerAssigned: 'Caseworker assigned',
  AssessmentDecisionMade: 'Decision whether to assess',
  AdviceRequested: 'Advice requested',
  AdviceReceived: 'Advice received',
  TimescaleExceptionRecorded: 'Exception to the time limits recorded',
  TimescaleExceptionEnded: 'Exception to the time limits ended',
  PlanDecisionMade: 'Decision whether to issue a plan',
  DraftPlanIssued: 'Draft plan issued',
  RepresentationsReceived: 'Representations on the draft received',
  InstitutionConsulted: 'School or college consulted',
  ConsultationResponseReceived: 'Consultation response received',
  FinalPlanIssued: 'Final plan issued',
  QaAuditRecorded: 'Quality audit recorded',
  ReviewMeetingHeld: 'Annual review meeting held',
  ReviewDecisionMade: 'Annual review decision',
  AmendmentNoticeIssued: 'Notice of proposed amendments issued',
  AmendmentRepresentationsReceived: 'Representations on the amendments received',
  AmendedPlanIssued: 'Amended plan issued',
  NoAmendmentDecided: 'Decided not to amend the plan',
  PhaseTransferPlanned: 'Phase transfer planned',
  PlanCeased: 'Plan ceased',
  CaseClosed: 'Case closed',
  PersonalDataErased: "Child's personal data erased",
  PlanTransferredIn: 'Plan transferred in from another council',
  TransferNoticeIssued: 'Transfer notice issued',
  ReassessmentRequested: 'Re-assessment requested',
  ReassessmentDecisionMade: 'Decision whether to re-assess',
  PlanKeptUnchanged: 'Re-assessment ended: plan unchanged',
  AppealLodged: 'Appeal to the Tribunal lodged',
  AppealOutcomeRecorded: 'Appeal outcome recorded',
  MediationStarted: 'Mediation started',
  MediationEnded: 'Mediation ended',
  CessationDecided: 'Decision to cease the plan',
  FactCorrected: 'A recorded fact corrected',
  FactVoided: 'A recorded fact voided',
  ChildDetailsCorrected: "Child's details corrected",
  ViewsRecorded: "Child's or young person's views recorded",
  FamilyLinkIssued: 'Private link sent to the family',
  FamilyLinkRevoked: "Family's private link stopped",
  FamilyLinkViewed: 'Family looked at their page',
};

/** An event type in plain words: `DraftPlanIssued` -> 'Draft plan issued'. */
export function eventWords(type: string): string {
  const known = (EVENT_WORDS as Record<string, string>)[type];
  if (known) return known;
  const words = type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const APPEAL_WORDS: { readonly [A in AppealSubject]: string } = {
  refusal_to_assess: 'the refusal to assess',
  not_issue: 'the decision not to issue a plan',
  plan_contents: "the plan's contents",
  placement: 'the school or college named',
  cessation: 'the decision to cease the plan',
  refusal_to_reassess: 'the refusal to re-assess',
};

/** What an appeal is against, to follow "Against ". */
export function appealSubjectWords(against: string): string {
  return (APPEAL_WORDS as Record<string, string>)[against] ?? wordsOfCode(against).toLowerCase();
}

/** A fact's chosen value in words ('not_issue' -> 'Not issue', true -> 'Yes'). */
export function valueWords(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return wordsOfCode(String(value));
}

// The closed vocabularies of the EHCP domain (API.md, DOMAIN.md). Exported as arrays so that the
// API layer validates input against the very values the domain types are built from.

export const REQUESTERS = [
  'parent',
  'young_person',
  'school',
  'early_years',
  'health',
  'social_care',
  'other',
] as const;
export type Requester = (typeof REQUESTERS)[number];

export const ASSESSMENT_DECISIONS = ['assess', 'refuse'] as const;
export type AssessmentDecision = (typeof ASSESSMENT_DECISIONS)[number];

export const ADVICE_SOURCES = [
  'educational',
  'educational_psychology',
  'health',
  'social_care',
  'early_years',
  'post16',
  'other',
] as const;
export type AdviceSource = (typeof ADVICE_SOURCES)[number];

export const EXCEPTION_REASONS = [
  'institution_closure',
  'early_years_closure',
  'exceptional_personal_circumstances',
  'absence_from_area',
  'missed_appointment',
] as const;
export type ExceptionReason = (typeof EXCEPTION_REASONS)[number];

export const PLAN_DECISIONS = ['issue', 'not_issue'] as const;
export type PlanDecision = (typeof PLAN_DECISIONS)[number];

export const CONSULTATION_OUTCOMES = ['can_meet_needs', 'cannot_meet_needs'] as const;
export type ConsultationOutcome = (typeof CONSULTATION_OUTCOMES)[number];

export const REVIEW_DECISIONS = ['maintain', 'amend', 'cease'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** Transfers between phases, dated by their year (reg 18(1)): into school phases, or secondary to post-16. */
export const YEAR_TRANSFER_KINDS = ['school_phase', 'post16'] as const;
export type YearTransferKind = (typeof YEAR_TRANSFER_KINDS)[number];

/** (2nd ed.) `post16_institution`: between post-16 institutions on a date (reg 18(2)). */
export const PHASE_TRANSFER_KINDS = [...YEAR_TRANSFER_KINDS, 'post16_institution'] as const;
export type PhaseTransferKind = (typeof PHASE_TRANSFER_KINDS)[number];

/** When a planned transfer takes place: a year between phases, a date between post-16 institutions. */
export type TransferTiming =
  | { readonly kind: YearTransferKind; readonly transferYear: number }
  | { readonly kind: 'post16_institution'; readonly transferOn: string };

export const CLOSURE_REASONS = ['request_withdrawn', 'moved_out_of_area', 'other'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const PLAN_VERSIONS = ['draft', 'final', 'amended'] as const;
export type PlanVersion = (typeof PLAN_VERSIONS)[number];

export const AUDITOR_ROLES = ['education', 'health', 'social_care', 'qa_officer'] as const;
export type AuditorRole = (typeof AUDITOR_ROLES)[number];

/** (2nd ed.) What a correction does to the fact it names. */
export const CORRECTION_ACTIONS = ['correct', 'void'] as const;
export type CorrectionAction = (typeof CORRECTION_ACTIONS)[number];

/** (2nd ed.) Who asked for a re-assessment (reg 24); `local_authority`: the LA's own initiative. */
export const REASSESSMENT_REQUESTERS = ['parent', 'young_person', 'institution', 'local_authority'] as const;
export type ReassessmentRequester = (typeof REASSESSMENT_REQUESTERS)[number];

export const REASSESSMENT_DECISIONS = ['reassess', 'refuse'] as const;
export type ReassessmentDecision = (typeof REASSESSMENT_DECISIONS)[number];

/** (2nd ed.) The decisions an appeal to the First-tier Tribunal (SEND) may be against (CFA s51). */
export const APPEAL_SUBJECTS = [
  'refusal_to_assess',
  'not_issue',
  'plan_contents',
  'placement',
  'cessation',
  'refusal_to_reassess',
] as const;
export type AppealSubject = (typeof APPEAL_SUBJECTS)[number];

/** (2nd ed.) `conceded`: the LA told the Tribunal it will not oppose (reg 45); `order`: reg 44. */
export const APPEAL_OUTCOMES = ['dismissed', 'withdrawn', 'conceded', 'order'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

/** (2nd ed.) Why the LA decides to cease a plan (CFA s45, reg 29-31). */
export const CESSATION_REASONS = [
  'moved_to_another_authority',
  'needs_met_without_plan',
  'higher_education',
  'employment_or_training',
  'left_education',
  'moved_out_of_england',
  'died',
  'other',
] as const;
export type CessationReason = (typeof CESSATION_REASONS)[number];

/** (2nd ed.) How a child's or young person's views were gathered (CFA s19(a)-(c), reg 6(1)(a)-(b)). */
export const VIEWS_METHODS = ['meeting', 'questionnaire', 'advocate', 'other'] as const;
export type ViewsMethod = (typeof VIEWS_METHODS)[number];

/** (2nd ed.) What the views were gathered for: the assessment, the draft plan, or a review. */
export const VIEWS_STAGES = ['assessment', 'draft', 'review'] as const;
export type ViewsStage = (typeof VIEWS_STAGES)[number];

/** (2nd ed.) The child's or young person's views in their own words: personal data, encrypted. */
export interface ViewsSummary {
  readonly summary: string;
}

/** (2nd ed.) The longest summary of views kept, in characters (Unicode code points), once trimmed. */
export const VIEWS_SUMMARY_MAX_LENGTH = 2000;

/** (2nd ed.) How long a family link may last, in days: at least one, at most a year. */
export const FAMILY_LINK_MIN_DAYS = 1;
export const FAMILY_LINK_MAX_DAYS = 365;

export const CASE_STAGES = [
  'requested',
  'assessing',
  'refused_to_assess',
  'drafting',
  'draft_issued',
  'not_issued',
  'plan_maintained',
  /** (2nd ed.) A maintained plan being re-assessed (reg 27): decided to re-assess, not yet concluded. */
  'reassessing',
  /** (2nd ed.) The LA decided to cease the plan; it is maintained until the day it ceases. */
  'ceasing',
  'ceased',
  'closed',
] as const;
/** API.md stage values of an existing case. */
export type CaseStage = (typeof CASE_STAGES)[number];

/** The placement named in section I of a final or amended plan. */
export interface Placement {
  readonly institution: string;
  readonly type: string;
}

/** The child's special-category personal data: carried only in `RequestReceived.data.personal`. */
export interface PersonalData {
  readonly firstName: string;
  readonly lastName: string;
  readonly dateOfBirth: string;
}

/**
 * What a refusal is about: the command's own data is invalid, it names a case or sub-resource that
 * does not exist, or it conflicts with the case's state. (The API maps each to an HTTP status.)
 */
export type DomainErrorKind = 'invalid' | 'not_found' | 'conflict';

/** Every refusal the domain can give, with its kind. Codes are a stable contract: never rename one. */
export const DOMAIN_ERROR_KINDS = {
  // the command's own data is invalid
  INVALID_DATE: 'invalid',
  DATE_IN_FUTURE: 'invalid',
  INVALID_TRANSFER_YEAR: 'invalid',
  QA_SECTION_GRADE_INVALID: 'invalid',
  INVALID_TEXT: 'invalid',
  CORRECTION_REASON_REQUIRED: 'invalid',
  CORRECTION_CHANGES_INVALID: 'invalid',
  CORRECTION_FIELD_NOT_CORRECTABLE: 'invalid',
  CORRECTION_VALUE_INVALID: 'invalid',
  /** (2nd ed.) A transfer in whose plan was made or reviewed after the transfer, or reviewed before it was made. */
  TRANSFER_DATES_INVALID: 'invalid',
  /** (2nd ed.) A family link must last 1 to 365 days. */
  FAMILY_LINK_EXPIRY_INVALID: 'invalid',
  // unknown case or sub-resource
  CASE_NOT_FOUND: 'not_found',
  ADVICE_NOT_FOUND: 'not_found',
  EXCEPTION_NOT_FOUND: 'not_found',
  CONSULTATION_NOT_FOUND: 'not_found',
  REVIEW_NOT_FOUND: 'not_found',
  NOTICE_NOT_FOUND: 'not_found',
  CORRECTION_TARGET_NOT_FOUND: 'not_found',
  REASSESSMENT_REQUEST_NOT_FOUND: 'not_found',
  APPEAL_NOT_FOUND: 'not_found',
  MEDIATION_NOT_FOUND: 'not_found',
  /** (2nd ed.) No family link of the case has this id. */
  FAMILY_LINK_NOT_FOUND: 'not_found',
  // the command conflicts with the case
  CASE_ALREADY_EXISTS: 'conflict',
  CASE_CLOSED: 'conflict',
  ASSESSMENT_REFUSED: 'conflict',
  PLAN_NOT_ISSUED: 'conflict',
  PLAN_CEASED: 'conflict',
  DATE_BEFORE_REQUEST: 'conflict',
  DATE_BEFORE_LAST_FACT: 'conflict',
  ASSESSMENT_ALREADY_DECIDED: 'conflict',
  REVERSAL_BEFORE_DECISION: 'conflict',
  ADVICE_BEFORE_ASSESSMENT_DECISION: 'conflict',
  ADVICE_ALREADY_EXISTS: 'conflict',
  ADVICE_ALREADY_RECEIVED: 'conflict',
  ADVICE_RECEIVED_BEFORE_REQUEST: 'conflict',
  EXCEPTION_ALREADY_EXISTS: 'conflict',
  EXCEPTION_ALREADY_ENDED: 'conflict',
  EXCEPTION_END_BEFORE_START: 'conflict',
  PLAN_DECISION_BEFORE_ASSESSMENT_DECISION: 'conflict',
  PLAN_DECISION_ALREADY_MADE: 'conflict',
  DRAFT_BEFORE_PLAN_DECISION: 'conflict',
  DRAFT_ALREADY_ISSUED: 'conflict',
  REPRESENTATIONS_BEFORE_DRAFT: 'conflict',
  CONSULTATION_BEFORE_DRAFT: 'conflict',
  CONSULTATION_ALREADY_EXISTS: 'conflict',
  CONSULTATION_ALREADY_ANSWERED: 'conflict',
  CONSULTATION_RESPONSE_BEFORE_CONSULTATION: 'conflict',
  FINAL_PLAN_BEFORE_DRAFT: 'conflict',
  FINAL_PLAN_INSIDE_REPRESENTATION_WINDOW: 'conflict',
  FINAL_PLAN_ALREADY_ISSUED: 'conflict',
  QA_AUDIT_BEFORE_DRAFT: 'conflict',
  QA_AUDIT_BEFORE_FINAL_PLAN: 'conflict',
  QA_AUDIT_BEFORE_AMENDED_PLAN: 'conflict',
  AUDIT_ALREADY_EXISTS: 'conflict',
  REVIEW_BEFORE_FINAL_PLAN: 'conflict',
  REVIEW_BEFORE_PREVIOUS_REVIEW: 'conflict',
  REVIEW_ALREADY_EXISTS: 'conflict',
  REVIEW_ALREADY_DECIDED: 'conflict',
  REVIEW_DECISION_BEFORE_MEETING: 'conflict',
  AMENDMENT_NOTICE_BEFORE_FINAL_PLAN: 'conflict',
  NOTICE_ALREADY_EXISTS: 'conflict',
  NOTICE_ALREADY_CLOSED: 'conflict',
  AMENDMENT_REPRESENTATIONS_BEFORE_NOTICE: 'conflict',
  AMENDED_PLAN_BEFORE_NOTICE: 'conflict',
  AMENDED_PLAN_INSIDE_REPRESENTATION_WINDOW: 'conflict',
  NO_AMENDMENT_BEFORE_NOTICE: 'conflict',
  REVIEW_NOT_DECIDED_AMEND: 'conflict',
  REVIEW_NOTICE_ALREADY_SERVED: 'conflict',
  NOTICE_BEFORE_REVIEW_MEETING: 'conflict',
  PHASE_TRANSFER_BEFORE_FINAL_PLAN: 'conflict',
  PHASE_TRANSFER_ALREADY_EXISTS: 'conflict',
  /** No longer given (2nd ed.: a transfer whose date has passed is recorded); codes are never removed. */
  PHASE_TRANSFER_DEADLINE_PASSED: 'conflict',
  CESSATION_BEFORE_FINAL_PLAN: 'conflict',
  PERSONAL_DATA_ALREADY_ERASED: 'conflict',
  CORRECTION_NOT_ALLOWED: 'conflict',
  CORRECTION_ALREADY_EXISTS: 'conflict',
  // (2nd ed.) transfer in, re-assessment, appeals, mediation, cessation
  NOT_TRANSFERRED_IN: 'conflict',
  TRANSFER_NOTICE_ALREADY_ISSUED: 'conflict',
  REASSESSMENT_BEFORE_FINAL_PLAN: 'conflict',
  REASSESSMENT_REQUEST_ALREADY_EXISTS: 'conflict',
  REASSESSMENT_ALREADY_DECIDED: 'conflict',
  REASSESSMENT_ALREADY_OPEN: 'conflict',
  REASSESSMENT_NOT_OPEN: 'conflict',
  APPEAL_ALREADY_EXISTS: 'conflict',
  APPEAL_DECISION_NOT_MADE: 'conflict',
  APPEAL_OUTCOME_ALREADY_RECORDED: 'conflict',
  /** (2nd ed.) An appeal dated before the decision it is against. */
  APPEAL_BEFORE_DECISION: 'conflict',
  /** (2nd ed.) An appeal's outcome dated before the appeal was lodged. */
  APPEAL_OUTCOME_BEFORE_LODGED: 'conflict',
  MEDIATION_ALREADY_EXISTS: 'conflict',
  /** (2nd ed.) Views with this viewsId are already recorded. */
  VIEWS_ALREADY_EXISTS: 'conflict',
  /** (2nd ed.) Views for the draft before a draft was issued, or for a review before a plan was made. */
  VIEWS_STAGE_NOT_REACHED: 'conflict',
  /** (2nd ed.) The family link was revoked (or replaced by a newer one). */
  FAMILY_LINK_REVOKED: 'conflict',
  /** (2nd ed.) The family link's last day has passed. */
  FAMILY_LINK_EXPIRED: 'conflict',
  FAMILY_LINK_ALREADY_EXISTS: 'conflict',
  /** (2nd ed.) The child's personal data was erased: no family link can show their case. */
  PERSONAL_DATA_ERASED: 'conflict',
  MEDIATION_ALREADY_ENDED: 'conflict',
  MEDIATION_END_BEFORE_START: 'conflict',
  CESSATION_ALREADY_DECIDED: 'conflict',
} as const satisfies Record<string, DomainErrorKind>;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_KINDS;

/**
 * A refused command: its stable `code`, the `kind` of refusal, and for invalid input the `field` it is
 * about, as a dotted path into the command's data (`child.dateOfBirth`, `sections.B`).
 */
export class DomainError extends Error {
  readonly kind: DomainErrorKind;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
    this.kind = DOMAIN_ERROR_KINDS[code];
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

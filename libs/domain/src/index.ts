// Public contract of @ehcp/domain. Everything else in this library is internal.

// Vocabulary
export * from './ehcp-case/ehcp-case.vocabulary';
// Events, commands, state
export * from './ehcp-case/ehcp-case.events';
export * from './ehcp-case/ehcp-case.commands';
export {
  initialState,
  CASE_STATE_VERSION,
  caseExists,
  type EhcpCaseState,
  type EhcpCaseStage,
  type EhcpCase,
  type NoCase,
  type DatedDecision,
  type AdviceRequest,
  type TimescaleException,
  type Representation,
  type Consultation,
  type IssuedPlan,
  type QaAudit,
  type Review,
  type AmendmentNotice,
  type PhaseTransfer,
  type TransferredPlan,
  type Reassessment,
  type Appeal,
  type Mediation,
  type CessationDecision,
  type ChildViews,
  type FamilyLink,
  MAINTAINED_STAGES,
  openReassessment,
} from './ehcp-case/ehcp-case.state';
export { evolve, replay, InvalidEventError } from './ehcp-case/ehcp-case.evolve';
export { decide } from './ehcp-case/ehcp-case.decider';
// (2nd ed.) The stage a case has on a date: `ceasing` becomes `ceased` on the day the plan ceases
export { stageOn } from './ehcp-case/effective-stage';
// (2nd ed.) Whether a family's private link works on a date
export { familyLinkStatusOf, type FamilyLinkStatus } from './ehcp-case/family-link.status';
// The case stream: its name, the stored events' decoder and the decider a command runner uses
export {
  CASE_STREAM_PREFIX,
  caseStreamOf,
  caseIdOf,
  decodeCaseEvent,
  ehcpCaseDecider,
  type EhcpCaseDecider,
} from './ehcp-case/ehcp-case.stream';
// Errors
export {
  DomainError,
  isDomainError,
  DOMAIN_ERROR_KINDS,
  type DomainErrorCode,
  type DomainErrorKind,
} from './shared/domain-error';
// (2nd ed.) What a correction may change of each fact, and which facts may be voided (the web's forms)
export { CORRECTABLE_FIELDS, isVoidable, type CorrectableField } from './corrections/correctable-facts';
export { isIsoDate, EARLIEST_FACT_DATE, EARLIEST_DATE_OF_BIRTH } from './shared/local-date';
export { plainTextProblem } from './shared/plain-text';
// Deadlines
export * from './deadlines/deadline.types';
export { deadlinesOf, LEGAL_COUNTING } from './deadlines/deadline.calculator';
export { statusOf, isOpen, isOpenOn } from './deadlines/deadline.status';
// (2nd ed.) How many days late a deadline is, in the family's words
export { daysLateOf } from './deadlines/deadline.lateness';
export { ceasesOnOf } from './deadlines/cessation.rules';
export { DEADLINE_TITLES } from './deadlines/deadline.titles';
export {
  exceptionApplies,
  type DatePeriod,
  type StatutoryPeriod,
  type ExceptionFacts,
} from './deadlines/exception.rules';
export {
  DEADLINE_RULES,
  EXCEPTION_REASONS_BY_KIND,
  DUE_SOON_DAYS,
  DECISION_TO_ASSESS_WEEKS,
  ADVICE_WEEKS,
  PLAN_DECISION_WEEKS,
  FINAL_PLAN_WEEKS,
  CONSULTATION_RESPONSE_DAYS,
  REVIEW_DECISION_WEEKS,
  AMENDED_PLAN_WEEKS,
  AMENDMENT_NOTICE_WEEKS,
  REPRESENTATION_WINDOW_DAYS,
  PHASE_TRANSFER_LAST_DAY,
  PHASE_TRANSFER_WINDOW_OPENS,
  POST16_TRANSFER_MONTHS_BEFORE,
  POST16_TRANSFER_WINDOW_MONTHS,
  transferRuleOf,
  type TransferRule,
  ABSENCE_FROM_AREA_MIN_DAYS,
  ABSENCE_FROM_AREA_MIN_DAYS_BY_KIND,
} from './deadlines/deadline.rules';
// SEN2
export { sen2Of, sen2ByMonth, sen2ByTeam, type Sen2Period, type Sen2ByTeam } from './sen2/sen2.calculator';
export {
  timelineOf,
  SEN2_DEADLINE_KINDS,
  type CaseTimeline,
  type Sen2Deadline,
  type Sen2DeadlineKind,
} from './sen2/sen2.timeline';
export {
  sen2FiguresOf,
  NO_SEN2_COUNTS,
  SEN2_DAYS,
  type Sen2Counts,
  type Sen2PlanCounts,
  type Sen2Figures,
} from './sen2/sen2.figures';
export {
  ENGLAND_20_WEEK_RATES,
  ENGLAND_REFERENCE_SOURCE,
  type EnglandReferenceRate,
} from './sen2/england-reference';
export * from './sen2/disclosure-control';
// QA
export {
  QA_SECTIONS,
  QA_GRADES,
  OPTIONAL_QA_SECTIONS,
  QA_SECTION_WEIGHTS,
  overallGradeOf,
  scoreOf,
  gradeOfScore,
  isGoodOrBetter,
  assertValidSections,
  assertPlacementSection,
  PLACEMENT_QA_SECTION,
  type QaSection,
  type QaGrade,
  type QaSectionGrade,
  type QaSections,
} from './qa/qa-grade';
export { qaSummaryOf, type QaAuditRow, type QaSummary, type QaSectionSummary } from './qa/qa-summary';

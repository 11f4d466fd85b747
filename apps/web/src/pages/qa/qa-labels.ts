import type { AuditorRole, PlanVersion, QaSection, QaSectionGrade } from '@ehcp/domain';

// The QA vocabulary in plain words (DOMAIN.md "Quality assurance audits").

export const SECTION_NAMES: { readonly [S in QaSection]: string } = {
  A: 'Views, interests and aspirations',
  B: 'Special educational needs',
  C: 'Health needs',
  D: 'Social care needs',
  E: 'Outcomes',
  F: 'Special educational provision',
  G: 'Health provision',
  H1: 'Social care provision (Chronically Sick and Disabled Persons Act 1970)',
  H2: 'Other social care provision',
  I: 'Placement',
  J: 'Personal budget',
  K: 'Advice and information',
};

export const GRADE_LABELS: { readonly [G in QaSectionGrade]: string } = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'Requires improvement',
  inadequate: 'Inadequate',
  not_applicable: 'Not applicable',
};

/** GOV.UK tag colours: good or better green, then yellow, then red. */
export const GRADE_TAG_CLASSES: { readonly [G in QaSectionGrade]: string } = {
  outstanding: 'govuk-tag--green',
  good: 'govuk-tag--turquoise',
  requires_improvement: 'govuk-tag--yellow',
  inadequate: 'govuk-tag--red',
  not_applicable: 'govuk-tag--grey',
};

export const PLAN_VERSION_LABELS: { readonly [V in PlanVersion]: string } = {
  draft: 'Draft plan',
  final: 'Final plan',
  amended: 'Amended plan',
};

export const AUDITOR_ROLE_LABELS: { readonly [R in AuditorRole]: string } = {
  education: 'Education',
  health: 'Health',
  social_care: 'Social care',
  qa_officer: 'QA officer',
};

const STAGE_LABELS: Record<string, string> = {
  requested: 'Request received',
  assessing: 'Assessing',
  refused_to_assess: 'Refused to assess',
  drafting: 'Drafting the plan',
  draft_issued: 'Draft plan issued',
  not_issued: 'Decided not to issue a plan',
  plan_maintained: 'Plan maintained',
  ceased: 'Plan ceased',
  closed: 'Closed',
};

/** A case stage in plain words; a stage added later (API.md allows it) shown as it comes. */
export function stageLabel(stage: string): string {
  return STAGE_LABELS[stage] ?? stage.replace(/_/g, ' ');
}

/** A grade as a govukTag's params. */
export function gradeTag(grade: QaSectionGrade): { text: string; classes: string } {
  return { text: GRADE_LABELS[grade] ?? grade, classes: GRADE_TAG_CLASSES[grade] ?? 'govuk-tag--grey' };
}

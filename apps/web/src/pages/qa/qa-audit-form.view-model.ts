import {
  AUDITOR_ROLES,
  OPTIONAL_QA_SECTIONS,
  PLACEMENT_QA_SECTION,
  PLAN_VERSIONS,
  QA_GRADES,
  QA_SECTIONS,
  type AuditorRole,
  type PlanVersion,
  type QaSection,
  type QaSectionGrade,
} from '@ehcp/domain';
import type { ApiError, ProblemFieldError } from '../../api/api-errors';
import { datePartsOf, isBlank, isoDateOf } from './date-fields';
import { AUDITOR_ROLE_LABELS, GRADE_LABELS, PLAN_VERSION_LABELS, SECTION_NAMES } from './qa-labels';

/** POST /cases/{caseId}/qa-audits's body (API.md). */
export interface QaAuditCommand {
  planVersion: PlanVersion;
  auditedOn: string;
  auditorRole: AuditorRole;
  sections: Record<QaSection, QaSectionGrade>;
  actions?: string;
}

export type FormBody = Record<string, unknown>;

/** The longest actions text the api takes (its LONG_TEXT). */
export const ACTIONS_MAX_LENGTH = 2000;

/** Where each api field's error links to: a date's first box; a refusal of the whole audit, its version. */
export const AUDIT_FIELD_IDS: Record<string, string> = {
  auditedOn: 'auditedOn-day',
  body: 'planVersion',
  ...Object.fromEntries(QA_SECTIONS.map((s) => [`sections.${s}`, `sections-${s}`])),
};

function text(body: FormBody, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value.trim() : '';
}

function mayNotApply(section: QaSection): boolean {
  return OPTIONAL_QA_SECTIONS.includes(section) || section === PLACEMENT_QA_SECTION;
}

/**
 * The form's fields as the api's command, or what is missing, in plain words and under the api's field
 * names. Whether section I may be graded is the api's rule (it knows the case): it is only checked there.
 */
export function auditCommandFrom(
  body: FormBody,
): { ok: true; value: QaAuditCommand } | { ok: false; errors: ProblemFieldError[] } {
  const errors: ProblemFieldError[] = [];
  const planVersion = text(body, 'planVersion');
  if (!(PLAN_VERSIONS as readonly string[]).includes(planVersion))
    errors.push({ field: 'planVersion', message: 'Select which version of the plan you audited' });
  const dateParts = datePartsOf(body, 'auditedOn');
  const auditedOn = isoDateOf(dateParts);
  if (!auditedOn)
    errors.push({
      field: 'auditedOn',
      message: isBlank(dateParts)
        ? 'Enter the date of the audit'
        : 'The date of the audit must be a real date, for example 2 6 2025',
    });
  const auditorRole = text(body, 'auditorRole');
  if (!(AUDITOR_ROLES as readonly string[]).includes(auditorRole))
    errors.push({ field: 'auditorRole', message: 'Select the auditor’s role' });
  const sections = {} as Record<QaSection, QaSectionGrade>;
  for (const section of QA_SECTIONS) {
    const grade = text(body, `sections.${section}`);
    const allowed: readonly string[] = mayNotApply(section) ? [...QA_GRADES, 'not_applicable'] : QA_GRADES;
    if (allowed.includes(grade)) sections[section] = grade as QaSectionGrade;
    else errors.push({ field: `sections.${section}`, message: `Select a grade for section ${section}` });
  }
  const actions = text(body, 'actions');
  if (actions.length > ACTIONS_MAX_LENGTH)
    errors.push({ field: 'actions', message: `Actions must be ${ACTIONS_MAX_LENGTH} characters or fewer` });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      planVersion: planVersion as PlanVersion,
      auditedOn: auditedOn as string,
      auditorRole: auditorRole as AuditorRole,
      sections,
      ...(actions ? { actions } : {}),
    },
  };
}

/** The api's refusals that name no field (409), in plain words and tied to the field to change. */
const REFUSALS: Record<string, ProblemFieldError> = {
  QA_AUDIT_BEFORE_DRAFT: {
    field: 'auditedOn',
    message:
      'A plan can only be audited once its draft has been issued: no draft was issued by the date of the audit',
  },
  QA_AUDIT_BEFORE_FINAL_PLAN: {
    field: 'planVersion',
    message: 'No final plan had been issued by the date of the audit: choose the version you audited',
  },
  QA_AUDIT_BEFORE_AMENDED_PLAN: {
    field: 'planVersion',
    message: 'No amended plan had been issued by the date of the audit: choose the version you audited',
  },
};

/** Section I's rule (DOMAIN.md 2nd ed.) in plain words, for the version that was audited. */
function placementMessage(planVersion: PlanVersion | undefined): string {
  return planVersion === 'draft'
    ? 'Choose ‘Not applicable’ for section I: a draft plan never names a placement'
    : 'Grade section I: a final or amended plan names the placement';
}

/**
 * A refusal as field errors: the api's own `errors[]` (section I's rule reworded for the version
 * audited), or the plain words for a code, or its title.
 */
export function auditRefusalErrors(error: ApiError, planVersion?: PlanVersion): ProblemFieldError[] {
  if (error.errors.length)
    return error.errors.map((e) =>
      error.code === 'QA_SECTION_GRADE_INVALID' && e.field === `sections.${PLACEMENT_QA_SECTION}`
        ? { field: e.field, message: placementMessage(planVersion) }
        : e,
    );
  return [REFUSALS[error.code] ?? { field: 'body', message: error.title }];
}

export interface RadioItem {
  value: string;
  text: string;
  checked: boolean;
}

export interface SectionField {
  section: QaSection;
  name: string;
  idPrefix: string;
  legend: string;
  hint: string;
  items: RadioItem[];
}

function radios(values: readonly string[], labels: Record<string, string>, chosen: string): RadioItem[] {
  return values.map((value) => ({ value, text: labels[value] ?? value, checked: value === chosen }));
}

function sectionHint(section: QaSection): string {
  if (section === PLACEMENT_QA_SECTION)
    return 'The school or other place named in the plan. In an audit of a draft plan this must be ‘Not applicable’: a draft never names a placement. Grade it in an audit of a final or amended plan.';
  if (OPTIONAL_QA_SECTIONS.includes(section))
    return 'Choose ‘Not applicable’ if the plan rightly has nothing in this section for this child.';
  if (section === 'B' || section === 'E' || section === 'F')
    return 'Counts double in the overall grade. Every plan has this section: it cannot be not applicable.';
  return 'Every plan has this section: it cannot be not applicable.';
}

/** What the form shows: the choices of each question, with what was chosen (kept after a refusal). */
export function auditFormView(values: FormBody = {}) {
  return {
    planVersions: radios(PLAN_VERSIONS, PLAN_VERSION_LABELS, text(values, 'planVersion')),
    auditorRoles: radios(AUDITOR_ROLES, AUDITOR_ROLE_LABELS, text(values, 'auditorRole')),
    auditedOn: datePartsOf(values, 'auditedOn'),
    actions: typeof values.actions === 'string' ? values.actions : '',
    actionsMaxLength: ACTIONS_MAX_LENGTH,
    sections: QA_SECTIONS.map((section): SectionField => ({
      section,
      name: `sections.${section}`,
      idPrefix: `sections-${section}`,
      legend: `Section ${section}: ${SECTION_NAMES[section]}`,
      hint: sectionHint(section),
      items: radios(
        mayNotApply(section) ? [...QA_GRADES, 'not_applicable'] : QA_GRADES,
        GRADE_LABELS,
        text(values, `sections.${section}`),
      ),
    })),
  };
}

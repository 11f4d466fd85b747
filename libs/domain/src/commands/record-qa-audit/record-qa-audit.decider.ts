import type { RecordQaAudit } from '../../ehcp-case/ehcp-case.commands';
import type { QaAuditRecorded } from '../../ehcp-case/ehcp-case.events';
import {
  refuse,
  requireCase,
  requireNewId,
  requirePastDate,
  type Refusal,
} from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCase, EhcpCaseState } from '../../ehcp-case/ehcp-case.state';
import type { PlanVersion } from '../../ehcp-case/ehcp-case.vocabulary';
import { assertPlacementSection, overallGradeOf } from '../../qa/qa-grade';
import { assertNever } from '../../shared/assert-never';

/**
 * A QA audit of the draft, final or amended plan, at any time after a draft exists (DOMAIN.md), even
 * on an ended case. The overall grade is derived from the sections, never typed in; section I is
 * `not_applicable` in an audit of a draft and graded otherwise (DOMAIN.md 2nd ed.).
 */
export function recordQaAudit({ data, today }: RecordQaAudit, state: EhcpCaseState): [QaAuditRecorded] {
  const current = requireCase(state);
  const auditedOn = requirePastDate(data.auditedOn, 'auditedOn', today);
  const overallGrade = overallGradeOf(data.sections);
  assertPlacementSection(data.sections, data.planVersion);
  requireNewId(
    current.qaAudits.some((a) => a.auditId === data.auditId),
    'AUDIT_ALREADY_EXISTS',
    `Audit ${data.auditId}`,
  );
  requireAuditedVersionExists(current, data.planVersion, auditedOn);
  return [
    {
      type: 'QaAuditRecorded',
      data: {
        auditId: data.auditId,
        planVersion: data.planVersion,
        auditedOn,
        auditorRole: data.auditorRole,
        sections: { ...data.sections },
        actions: data.actions ?? null,
        overallGrade,
      },
    },
  ];
}

/** The audited version must have been issued on or before the audit date. */
function requireAuditedVersionExists(current: EhcpCase, version: PlanVersion, auditedOn: string): void {
  const [issuedOn, refusal] = versionIssuedOn(current, version);
  if (current.draftIssuedOn === null || current.draftIssuedOn > auditedOn) {
    refuse(['QA_AUDIT_BEFORE_DRAFT', 'A plan is audited once its draft exists']);
  }
  if (issuedOn === null || issuedOn > auditedOn) refuse(refusal);
}

function versionIssuedOn(current: EhcpCase, version: PlanVersion): [string | null, Refusal] {
  switch (version) {
    case 'draft':
      return [current.draftIssuedOn, ['QA_AUDIT_BEFORE_DRAFT', 'No draft plan was issued by the audit date']];
    case 'final':
      return [
        current.finalPlan?.issuedOn ?? null,
        ['QA_AUDIT_BEFORE_FINAL_PLAN', 'No final plan was issued by the audit date'],
      ];
    case 'amended':
      return [
        firstAmendedPlanOn(current),
        ['QA_AUDIT_BEFORE_AMENDED_PLAN', 'No amended plan was issued by the audit date'],
      ];
    default:
      return assertNever(version);
  }
}

function firstAmendedPlanOn(current: EhcpCase): string | null {
  const dates = current.amendmentNotices.flatMap((n) => (n.amendedPlan ? [n.amendedPlan.issuedOn] : []));
  return dates.length === 0 ? null : dates.reduce((a, b) => (a < b ? a : b));
}

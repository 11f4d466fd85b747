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

/**
 * The audited version must have been issued on or before the audit date, and (DOMAIN.md) a plan is
 * audited once its draft exists. (2nd ed.) A plan transferred in was drafted by the other authority:
 * its final plan is audited from its making; a re-assessment's draft and plan are versions too.
 */
function requireAuditedVersionExists(current: EhcpCase, version: PlanVersion, auditedOn: string): void {
  const [issuedOn, refusal] = versionIssuedOn(current, version);
  if (current.transferIn === null && !issuedBy(draftDates(current), auditedOn)) {
    refuse(['QA_AUDIT_BEFORE_DRAFT', 'A plan is audited once its draft exists']);
  }
  if (!issuedBy(issuedOn, auditedOn)) refuse(refusal);
}

/** Whether one of the dates is on or before `on`. */
function issuedBy(dates: readonly string[], on: string): boolean {
  return dates.some((date) => date <= on);
}

function versionIssuedOn(current: EhcpCase, version: PlanVersion): [readonly string[], Refusal] {
  switch (version) {
    case 'draft':
      return [draftDates(current), ['QA_AUDIT_BEFORE_DRAFT', 'No draft plan was issued by the audit date']];
    case 'final':
      return [
        finalPlanDates(current),
        ['QA_AUDIT_BEFORE_FINAL_PLAN', 'No final plan was issued by the audit date'],
      ];
    case 'amended':
      return [
        amendedPlanDates(current),
        ['QA_AUDIT_BEFORE_AMENDED_PLAN', 'No amended plan was issued by the audit date'],
      ];
    default:
      return assertNever(version);
  }
}

function draftDates(current: EhcpCase): string[] {
  return [current.draftIssuedOn, ...current.reassessments.map((r) => r.draftIssuedOn)].filter(isDate);
}

function finalPlanDates(current: EhcpCase): string[] {
  return [
    current.finalPlan?.issuedOn ?? null,
    ...current.reassessments.map((r) => r.plan?.issuedOn ?? null),
  ].filter(isDate);
}

function amendedPlanDates(current: EhcpCase): string[] {
  return current.amendmentNotices.flatMap((n) => (n.amendedPlan ? [n.amendedPlan.issuedOn] : []));
}

function isDate(date: string | null): date is string {
  return date !== null;
}

import {
  PLAN_VERSIONS,
  QA_SECTIONS,
  type AuditorRole,
  type PlanVersion,
  type QaGrade,
  type QaSection,
  type QaSectionGrade,
} from '@ehcp/domain';
import { AUDITOR_ROLE_LABELS, gradeTag, PLAN_VERSION_LABELS, SECTION_NAMES } from './qa-labels';

/** One entry of GET /cases/{caseId}/events (API.md). */
export interface CaseEventView {
  revision: number;
  type: string;
  recordedAt: string;
  data: Record<string, unknown>;
  metadata: { userId: string };
}

export interface Audit {
  revision: number;
  auditId: string;
  planVersion: PlanVersion;
  auditedOn: string;
  auditorRole: AuditorRole;
  sections: Record<QaSection, QaSectionGrade>;
  actions: string | null;
  overallGrade: QaGrade;
  recordedBy: string;
  corrected: boolean;
}

/** Applies a correction's `changes` (a dotted field is one level down: `sections.B`). */
function corrected(audit: Audit, changes: Record<string, unknown>): Audit {
  const next: Audit = { ...audit, sections: { ...audit.sections }, corrected: true };
  for (const [field, value] of Object.entries(changes)) {
    const [head, tail] = field.split('.');
    if (head === 'sections' && tail) next.sections[tail as QaSection] = value as QaSectionGrade;
    else (next as unknown as Record<string, unknown>)[field] = value;
  }
  return next;
}

/**
 * The case's audits as they now stand, from its history: each QaAuditRecorded fact with its
 * corrections applied (the api puts the derived overall grade in a correction's changes), voided ones
 * left out.
 */
export function auditsFrom(events: readonly CaseEventView[]): Audit[] {
  const audits = new Map<number, Audit>();
  for (const event of events) {
    const data = event.data;
    if (event.type === 'QaAuditRecorded') {
      audits.set(event.revision, {
        revision: event.revision,
        auditId: String(data.auditId),
        planVersion: data.planVersion as PlanVersion,
        auditedOn: String(data.auditedOn),
        auditorRole: data.auditorRole as AuditorRole,
        sections: { ...(data.sections as Record<QaSection, QaSectionGrade>) },
        actions: typeof data.actions === 'string' ? data.actions : null,
        overallGrade: data.overallGrade as QaGrade,
        recordedBy: event.metadata?.userId ?? '',
        corrected: false,
      });
    } else if (event.type === 'FactCorrected') {
      const audit = audits.get(Number(data.revision));
      if (audit)
        audits.set(audit.revision, corrected(audit, (data.changes ?? {}) as Record<string, unknown>));
    } else if (event.type === 'FactVoided') {
      audits.delete(Number(data.revision));
    }
  }
  return [...audits.values()];
}

/** Newest audit first; the same day, the later recorded first. */
function newestFirst(a: Audit, b: Audit): number {
  return b.auditedOn.localeCompare(a.auditedOn) || b.revision - a.revision;
}

/** The audits by plan version (draft, final, amended), each group ready for its two tables. */
export function auditsByPlanView(events: readonly CaseEventView[]) {
  const audits = auditsFrom(events);
  const groups = PLAN_VERSIONS.map((version) => {
    const ofVersion = audits.filter((a) => a.planVersion === version).sort(newestFirst);
    return {
      version,
      title: PLAN_VERSION_LABELS[version],
      audits: ofVersion.map((audit) => ({
        auditedOn: audit.auditedOn,
        auditorRole: AUDITOR_ROLE_LABELS[audit.auditorRole] ?? audit.auditorRole,
        recordedBy: audit.recordedBy,
        overallGrade: gradeTag(audit.overallGrade),
        actions: audit.actions,
        corrected: audit.corrected,
      })),
      sectionRows: QA_SECTIONS.map((section) => ({
        section,
        name: SECTION_NAMES[section],
        grades: ofVersion.map((audit) => gradeTag(audit.sections[section])),
      })),
    };
  }).filter((group) => group.audits.length > 0);
  return { total: audits.length, groups };
}

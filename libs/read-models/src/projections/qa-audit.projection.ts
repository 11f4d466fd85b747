import { caseExists, scoreOf, type EhcpCaseState, type QaAuditRecorded } from '@ehcp/domain';
import type { QaAuditEntity } from '../schema/qa-audit.entity';
import type { ProjectedTable } from './projected-table';
import { NO_CHANGES, upsert, type CaseChange, type Projection } from './projection.types';

export type QaAuditRow = Readonly<QaAuditEntity>;

export const QA_AUDIT_TABLE: ProjectedTable<QaAuditRow> = {
  name: 'qa_audit',
  key: 'id',
  caseKey: 'caseId',
  columns: {
    id: 'text',
    caseId: 'text',
    auditId: 'text',
    team: 'text',
    planVersion: 'text',
    auditedOn: 'date',
    auditorRole: 'text',
    overallGrade: 'text',
    scoreA: 'smallint',
    scoreB: 'smallint',
    scoreC: 'smallint',
    scoreD: 'smallint',
    scoreE: 'smallint',
    scoreF: 'smallint',
    scoreG: 'smallint',
    scoreH1: 'smallint',
    scoreH2: 'smallint',
    scoreI: 'smallint',
    scoreJ: 'smallint',
    scoreK: 'smallint',
    revision: 'bigint',
  },
};

/**
 * One row per audit; the overall grade is the one derived by the domain when it was recorded, or
 * (2nd ed.) when a correction re-graded it. A corrected audit is written again as it now stands; a
 * voided one goes.
 */
export const qaAuditProjection: Projection<QaAuditRow> = {
  table: QA_AUDIT_TABLE,
  handles: ['QaAuditRecorded', 'FactCorrected', 'FactVoided'],
  project(_rows, change) {
    const { caseId, event, before, after } = change;
    switch (event.type) {
      case 'QaAuditRecorded':
        return upsert(rowOf(change, event));
      case 'FactCorrected': {
        const audit = auditAt(after, event.data.revision);
        return audit ? upsert(rowOf(change, audit)) : NO_CHANGES;
      }
      case 'FactVoided': {
        const audit = auditAt(before, event.data.revision);
        return audit ? { upserts: [], deletes: [rowIdOf(caseId, audit)], alerts: [] } : NO_CHANGES;
      }
      default:
        return NO_CHANGES;
    }
  },
};

/** The QA audit recorded at `revision`, as it stands in the case's history. */
function auditAt(state: EhcpCaseState, revision: number): QaAuditRecorded | undefined {
  if (!caseExists(state)) return undefined;
  const fact = state.history.facts.find((f) => f.revision === revision)?.event;
  return fact?.type === 'QaAuditRecorded' ? fact : undefined;
}

function rowIdOf(caseId: string, audit: QaAuditRecorded): string {
  return `${caseId}/${audit.data.auditId}`;
}

function rowOf({ caseId, after, revision }: CaseChange, audit: QaAuditRecorded): QaAuditRow {
  const { auditId, planVersion, auditedOn, auditorRole, overallGrade, sections } = audit.data;
  return {
    id: rowIdOf(caseId, audit),
    caseId,
    auditId,
    team: after.team,
    planVersion,
    auditedOn,
    auditorRole,
    overallGrade,
    ...scoresOf(sections),
    revision,
  };
}

function scoresOf(sections: QaAuditRecorded['data']['sections']) {
  return {
    scoreA: scoreOf(sections.A),
    scoreB: scoreOf(sections.B),
    scoreC: scoreOf(sections.C),
    scoreD: scoreOf(sections.D),
    scoreE: scoreOf(sections.E),
    scoreF: scoreOf(sections.F),
    scoreG: scoreOf(sections.G),
    scoreH1: scoreOf(sections.H1),
    scoreH2: scoreOf(sections.H2),
    scoreI: scoreOf(sections.I),
    scoreJ: scoreOf(sections.J),
    scoreK: scoreOf(sections.K),
  };
}

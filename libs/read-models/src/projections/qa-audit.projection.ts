import { scoreOf, type QaAuditRecorded } from '@ehcp/domain';
import type { QaAuditEntity } from '../schema/qa-audit.entity';
import type { ProjectedTable } from './projected-table';
import { NO_CHANGES, upsert, type Projection } from './projection.types';

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

/** One row per audit; the overall grade is the one derived by the domain when it was recorded. */
export const qaAuditProjection: Projection<QaAuditRow> = {
  table: QA_AUDIT_TABLE,
  handles: ['QaAuditRecorded'],
  project(_rows, { caseId, after, event, revision }) {
    if (event.type !== 'QaAuditRecorded') return NO_CHANGES;
    const { auditId, planVersion, auditedOn, auditorRole, overallGrade, sections } = event.data;
    return upsert({
      id: `${caseId}/${auditId}`,
      caseId,
      auditId,
      team: after.team,
      planVersion,
      auditedOn,
      auditorRole,
      overallGrade,
      ...scoresOf(sections),
      revision,
    });
  },
};

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

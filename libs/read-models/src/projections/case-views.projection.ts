import { EHCP_CASE_EVENT_TYPES, type ChildViews } from '@ehcp/domain';
import type { CaseViewsEntity } from '../schema/case-views.entity';
import type { ProjectedTable } from './projected-table';
import { sameRow, type CaseChange, type Projection } from './projection.types';

export type CaseViewsRow = Readonly<CaseViewsEntity>;

/** case_views.id: the domain's views id is unique within its case only. */
export function viewsRowId(caseId: string, viewsId: string): string {
  return `${caseId}/${viewsId}`;
}

export const CASE_VIEWS_TABLE: ProjectedTable<CaseViewsRow> = {
  name: 'case_views',
  key: 'id',
  caseKey: 'caseId',
  columns: {
    id: 'text',
    caseId: 'text',
    team: 'text',
    viewsId: 'text',
    stage: 'text',
    method: 'text',
    gatheredOn: 'date',
  },
};

/**
 * One row per record of `state.views` (never the summary), diffed against the case's rows after each
 * event: a corrected record is written again as it now stands, a voided one goes, and a case moved to
 * another team takes its rows with it. Every event type, for those reasons.
 */
export const caseViewsProjection: Projection<CaseViewsRow> = {
  table: CASE_VIEWS_TABLE,
  handles: EHCP_CASE_EVENT_TYPES,
  project(rows, change) {
    const current = new Map(rows.map((row) => [row.id, row]));
    const upserts: CaseViewsRow[] = [];
    for (const views of change.after.views) {
      const next = rowOf(change, views);
      const previous = current.get(next.id);
      current.delete(next.id);
      if (!previous || !sameRow(previous, next)) upserts.push(next);
    }
    return { upserts, deletes: [...current.keys()], alerts: [] };
  },
};

function rowOf(
  { caseId, after }: CaseChange,
  { viewsId, gatheredOn, method, stage }: ChildViews,
): CaseViewsRow {
  return { id: viewsRowId(caseId, viewsId), caseId, team: after.team, viewsId, stage, method, gatheredOn };
}

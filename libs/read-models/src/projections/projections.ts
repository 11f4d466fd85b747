import type { CaseStateEntity } from '../schema/case-state.entity';
import { caseDeadlineProjection } from './case-deadline.projection';
import { caseSummaryProjection } from './case-summary.projection';
import type { ProjectedTable } from './projected-table';
import type { Projection } from './projection.types';
import { qaAuditProjection } from './qa-audit.projection';

/** Every projection the runner applies, in this order, in the transaction of each batch. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a heterogeneous list; each is typed where defined
export const PROJECTIONS: readonly Projection<any>[] = [
  caseSummaryProjection,
  caseDeadlineProjection,
  qaAuditProjection,
];

export type CaseStateRow = Readonly<CaseStateEntity>;

/** The folded state of each case, kept by the runner itself: the projections' common input. */
export const CASE_STATE_TABLE: ProjectedTable<CaseStateRow> = {
  name: 'case_state',
  key: 'caseId',
  caseKey: 'caseId',
  columns: {
    caseId: 'text',
    state: 'jsonb',
    revision: 'bigint',
    eventCount: 'integer',
    stateVersion: 'integer',
  },
};

/** Every table a rebuild replaces: the fold and each projection's. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const PROJECTED_TABLES: readonly ProjectedTable<any>[] = [
  CASE_STATE_TABLE,
  ...PROJECTIONS.map((projection) => projection.table),
];

import { loadConfig } from '@ehcp/config';
import type { CaseStateEntity } from '../schema/case-state.entity';
import { searchHasher, type SearchHasher } from '../search/search-tokens';
import { caseDeadlineProjection } from './case-deadline.projection';
import { caseSearchProjection } from './case-search.projection';
import { caseSummaryProjection } from './case-summary.projection';
import { caseViewsProjection } from './case-views.projection';
import { familyLinkProjection } from './family-link.projection';
import type { ProjectedTable } from './projected-table';
import type { Projection } from './projection.types';
import { qaAuditProjection } from './qa-audit.projection';

/**
 * Every projection the runner applies, in this order, in the transaction of each batch; the search
 * tokens hashed with `hash` (the apps: searchHasher(config.SEARCH_HASH_KEY), the key the api hashes
 * a search's words with).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a heterogeneous list; each is typed where defined
export function projectionsWith(hash: SearchHasher): readonly Projection<any>[] {
  return [
    caseSummaryProjection,
    caseDeadlineProjection,
    qaAuditProjection,
    caseSearchProjection(hash),
    familyLinkProjection,
    caseViewsProjection,
  ];
}

/**
 * The projections under the search key of the environment's configuration (read on the first name
 * hashed, not on import): for tests and tools that build no AppConfig of their own.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const PROJECTIONS: readonly Projection<any>[] = projectionsWith(environmentSearchHasher());

function environmentSearchHasher(): SearchHasher {
  let hash: SearchHasher | undefined;
  return (part) => (hash ??= searchHasher(loadConfig().SEARCH_HASH_KEY))(part);
}

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

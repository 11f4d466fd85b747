import type { EhcpCaseEventType } from '@ehcp/domain';
import type { CaseSearchTokenEntity } from '../schema/case-search-token.entity';
import { searchTokensOf, type SearchHasher } from '../search/search-tokens';
import type { ProjectedTable } from './projected-table';
import type { CaseChange, Projection, RowChanges } from './projection.types';

export type CaseSearchTokenRow = Readonly<CaseSearchTokenEntity>;

export const CASE_SEARCH_TOKEN_TABLE: ProjectedTable<CaseSearchTokenRow> = {
  name: 'case_search_token',
  key: 'id',
  caseKey: 'caseId',
  columns: { id: 'text', caseId: 'text', token: 'text' },
};

/** The events that set the child's name, and the erasure that removes it. */
const CHILD_EVENTS: readonly EhcpCaseEventType[] = [
  'RequestReceived',
  'PlanTransferredIn',
  'ChildDetailsCorrected',
  'PersonalDataErased',
];

/**
 * The hashed name parts a case is found by: each event that names the child replaces the case's
 * tokens with its name's; erasure removes them. The names arrive decrypted by the event store, or
 * null when the case's key was already shredded (a rebuild after erasure): then no tokens.
 */
export function caseSearchProjection(hash: SearchHasher): Projection<CaseSearchTokenRow> {
  return {
    table: CASE_SEARCH_TOKEN_TABLE,
    handles: CHILD_EVENTS,
    project(rows, change) {
      const wanted = new Set(tokensOf(change, hash));
      const have = new Set(rows.map((row) => row.token));
      return {
        upserts: [...wanted]
          .filter((token) => !have.has(token))
          .map((token) => ({ id: `${change.caseId}/${token}`, caseId: change.caseId, token })),
        deletes: rows.filter((row) => !wanted.has(row.token)).map((row) => row.id),
        alerts: [],
      } satisfies RowChanges<CaseSearchTokenRow>;
    },
  };
}

function tokensOf({ event, after }: CaseChange, hash: SearchHasher): string[] {
  if (after.personalDataErasedOn !== null) return [];
  if (
    event.type !== 'RequestReceived' &&
    event.type !== 'PlanTransferredIn' &&
    event.type !== 'ChildDetailsCorrected'
  )
    return [];
  const personal = event.data.personal ?? null;
  return personal === null ? [] : searchTokensOf(personal, hash);
}

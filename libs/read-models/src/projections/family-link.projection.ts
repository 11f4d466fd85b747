import { EHCP_CASE_EVENT_TYPES, type FamilyLink } from '@ehcp/domain';
import type { FamilyLinkEntity } from '../schema/family-link.entity';
import type { ProjectedTable } from './projected-table';
import { NO_CHANGES, sameRow, type CaseChange, type Projection } from './projection.types';

export type FamilyLinkRow = Readonly<FamilyLinkEntity>;

export const FAMILY_LINK_TABLE: ProjectedTable<FamilyLinkRow> = {
  name: 'family_link',
  key: 'linkId',
  caseKey: 'caseId',
  columns: {
    linkId: 'text',
    caseId: 'text',
    tokenHash: 'text',
    issuedOn: 'date',
    expiresOn: 'date',
    revokedOn: 'date',
  },
};

/**
 * One row per link of `state.familyLinks`, diffed against the case's rows after each event: the
 * domain's evolve decides which link a new one revokes, the projection only copies. Every event type,
 * so the rows follow the state whatever moves it (a correction's re-fold included), at the cost of
 * comparing a case's one or two links.
 */
export const familyLinkProjection: Projection<FamilyLinkRow> = {
  table: FAMILY_LINK_TABLE,
  handles: EHCP_CASE_EVENT_TYPES,
  project(rows, { caseId, after }: CaseChange) {
    // Most cases never have a link: nothing to compare (a rebuild asks on every event).
    if (rows.length === 0 && after.familyLinks.length === 0) return NO_CHANGES;
    const current = new Map(rows.map((row) => [row.linkId, row]));
    const upserts: FamilyLinkRow[] = [];
    for (const link of after.familyLinks) {
      const next = rowOf(caseId, link);
      const previous = current.get(next.linkId);
      current.delete(next.linkId);
      if (!previous || !sameRow(previous, next)) upserts.push(next);
    }
    return { upserts, deletes: [...current.keys()], alerts: [] };
  },
};

function rowOf(
  caseId: string,
  { linkId, tokenHash, issuedOn, expiresOn, revokedOn }: FamilyLink,
): FamilyLinkRow {
  return { linkId, caseId, tokenHash, issuedOn, expiresOn, revokedOn };
}

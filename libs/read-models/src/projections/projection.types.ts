import type {
  CaseTimeline,
  Deadline,
  EhcpCase,
  EhcpCaseEvent,
  EhcpCaseEventType,
  EhcpCaseState,
} from '@ehcp/domain';
import type { DeadlineAlert } from './deadline-alert';
import type { ProjectedTable } from './projected-table';

/** One event of a case stream (`ehcp-case-<caseId>`), as the projections see it. */
export interface CaseEvent {
  readonly caseId: string;
  /** The event's 0-based revision in its stream. */
  readonly revision: number;
  readonly event: EhcpCaseEvent;
}

/**
 * An event with the case state folded by the domain's `evolve` before and after it, the domain's
 * `deadlinesOf(after)` in the configured counting, and its `timelineOf(after)` (SEN2's facts, which
 * count in legal weeks): projections derive, never re-implement. Worked out once per event, however
 * many projections read them.
 */
export interface CaseChange extends CaseEvent {
  readonly before: EhcpCaseState;
  readonly after: EhcpCase;
  readonly deadlines: readonly Deadline[];
  readonly timeline: CaseTimeline | null;
}

/** Row changes of one event: rows to write whole, keys to delete, and deadline alerts for the outbox. */
export interface RowChanges<Row> {
  readonly upserts: readonly Row[];
  readonly deletes: readonly string[];
  readonly alerts: readonly DeadlineAlert[];
}

/**
 * A pure projection: the case's current rows of its table and one change in, the row changes out.
 * `handles` registers the event types it is called for.
 */
export interface Projection<Row> {
  readonly table: ProjectedTable<Row>;
  readonly handles: readonly EhcpCaseEventType[];
  project(rows: readonly Row[], change: CaseChange): RowChanges<Row>;
}

export const NO_CHANGES: RowChanges<never> = { upserts: [], deletes: [], alerts: [] };

export function upsert<Row>(...rows: Row[]): RowChanges<Row> {
  return { upserts: rows, deletes: [], alerts: [] };
}

/** True when two rows hold the same values; jsonb-free rows only (flat values). */
export function sameRow<Row extends object>(a: Row, b: Row): boolean {
  for (const field in a) if (a[field] !== b[field]) return false;
  return true;
}

import { EHCP_CASE_EVENT_TYPES, type AdviceSource, type Deadline } from '@ehcp/domain';
import type { CaseDeadlineEntity } from '../schema/case-deadline.entity';
import { CaseDeadlineRows, deadlineRowId } from './case-deadline.rows';
import { deadlineAlertOf, type DeadlineAlert } from './deadline-alert';
import type { ProjectedTable } from './projected-table';
import { NO_CHANGES, type CaseChange, type Projection } from './projection.types';

export type CaseDeadlineRow = Readonly<CaseDeadlineEntity>;

export const CASE_DEADLINE_TABLE: ProjectedTable<CaseDeadlineRow> = {
  name: 'case_deadline',
  key: 'id',
  caseKey: 'caseId',
  columns: {
    id: 'text',
    caseId: 'text',
    team: 'text',
    kind: 'text',
    ref: 'text',
    adviceSource: 'text',
    startsOn: 'date',
    dueOn: 'date',
    metOn: 'date',
    cancelled: 'boolean',
    cancelledOn: 'date',
    cancelsOn: 'date',
    exceptionApplies: 'boolean',
    rule: 'text',
    revision: 'bigint',
  },
};

/**
 * One row per deadline of `deadlinesOf(state)`: the rows are diffed against the domain's deadlines
 * after each event, only changed rows are written, and each change that matters to alerting adds an
 * alert_outbox row in the same transaction.
 */
export const caseDeadlineProjection: Projection<CaseDeadlineRow> = {
  table: CASE_DEADLINE_TABLE,
  // Every event: which facts move a deadline is the domain's business, not the projection's.
  handles: EHCP_CASE_EVENT_TYPES,
  project(rows, change) {
    const current = new CaseDeadlineRows(rows, change.caseId);
    // Lists made only when something goes in them: most events change none of a case's deadlines.
    let upserts: CaseDeadlineRow[] | undefined;
    let alerts: DeadlineAlert[] | undefined;
    for (const deadline of change.deadlines) {
      const previous = current.take(deadline.id);
      // Most deadlines are as the case's last event left them: no row is built for those.
      if (previous && isRowOf(previous, change, deadline)) continue;
      const next = rowOf(change, deadline);
      (upserts ??= []).push(next);
      const alert = deadlineAlertOf(previous, next);
      if (alert) (alerts ??= []).push(alert);
    }
    // A deadline deadlinesOf no longer gives (a voided fact's, 2nd ed.; or after a rule change) goes
    // and stops alerting.
    const vanished = current.rest();
    for (const row of vanished) {
      const alert = deadlineAlertOf(row, undefined);
      if (alert) (alerts ??= []).push(alert);
    }
    if (upserts === undefined && alerts === undefined && vanished.length === 0) return NO_CHANGES;
    return { upserts: upserts ?? [], deletes: vanished.map((row) => row.id), alerts: alerts ?? [] };
  },
};

/** The deadline's row after `change`. */
export function rowOf({ caseId, after, revision }: CaseChange, deadline: Deadline): CaseDeadlineRow {
  return {
    id: deadlineRowId(caseId, deadline.id),
    caseId,
    team: after.team,
    kind: deadline.kind,
    ref: deadline.ref,
    adviceSource: adviceSourceOf(after, deadline),
    startsOn: deadline.startsOn,
    dueOn: deadline.dueOn,
    metOn: deadline.metOn,
    cancelled: deadline.cancelled,
    cancelledOn: deadline.cancelledOn,
    cancelsOn: deadline.cancelsOn,
    exceptionApplies: deadline.exceptionApplies,
    rule: deadline.rule,
    revision,
  };
}

/**
 * Whether `row` already is the deadline's row after `change` but for its revision (the event that last
 * changed it): rowOf's fields compared one by one, without building the row (a rebuild asks this for
 * every deadline of every event it replays). The unit spec holds the two to the same columns.
 */
export function isRowOf(row: CaseDeadlineRow, { caseId, after }: CaseChange, deadline: Deadline): boolean {
  return (
    row.caseId === caseId &&
    row.team === after.team &&
    row.kind === deadline.kind &&
    row.ref === deadline.ref &&
    row.startsOn === deadline.startsOn &&
    row.dueOn === deadline.dueOn &&
    row.metOn === deadline.metOn &&
    row.cancelled === deadline.cancelled &&
    row.cancelledOn === deadline.cancelledOn &&
    row.cancelsOn === deadline.cancelsOn &&
    row.exceptionApplies === deadline.exceptionApplies &&
    row.rule === deadline.rule &&
    row.adviceSource === adviceSourceOf(after, deadline)
  );
}

/**
 * The source of an advice deadline's advice (its ref is the advice id); null for other kinds. A loop,
 * not a find with a closure: asked for every advice deadline of every event a rebuild folds.
 */
function adviceSourceOf(after: CaseChange['after'], deadline: Deadline): AdviceSource | null {
  if (deadline.kind !== 'advice') return null;
  for (const request of after.advice) if (request.adviceId === deadline.ref) return request.source ?? null;
  return null;
}

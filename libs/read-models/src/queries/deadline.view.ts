import { DEADLINE_TITLES, statusOf, type DeadlineKind, type DeadlineStatus } from '@ehcp/domain';
import type { CaseDeadlineRow } from '../projections/case-deadline.projection';
import { deadlineIdWithinCase } from '../projections/case-deadline.rows';

/** API.md's `Deadline`, evaluated on `asOf`. */
export interface DeadlineView {
  readonly id: string;
  readonly kind: DeadlineKind;
  /** (2nd ed.) The kind in plain words (DEADLINE_TITLES). */
  readonly title: string;
  readonly ref: string | null;
  readonly startsOn: string;
  readonly dueOn: string;
  readonly metOn: string | null;
  /** (2nd ed.) The day a pending cessation cancels it, or null. */
  readonly cancelsOn: string | null;
  readonly status: DeadlineStatus;
  readonly daysRemaining: number | null;
  readonly exceptionApplies: boolean;
  readonly rule: string;
}

/** The Deadline of a row on `asOf`, its status by the domain's statusOf (cancelsOn honoured). */
export function deadlineViewOf(row: CaseDeadlineRow, asOf: string, warnDays: number): DeadlineView {
  const { status, daysRemaining } = statusOf(row, asOf, warnDays);
  return {
    id: deadlineIdWithinCase(row),
    kind: row.kind,
    title: DEADLINE_TITLES[row.kind],
    ref: row.ref,
    startsOn: row.startsOn,
    dueOn: row.dueOn,
    metOn: row.metOn,
    cancelsOn: row.cancelsOn,
    status,
    daysRemaining,
    exceptionApplies: row.exceptionApplies,
    rule: row.rule,
  };
}

/** case_deadline columns as CaseDeadlineRow fields (dates as text, revision as a number). */
export function deadlineColumns(table: string): string {
  return `${table}.id, ${table}.case_id as "caseId", ${table}.team, ${table}.kind, ${table}.ref,
    ${table}.starts_on::text as "startsOn", ${table}.due_on::text as "dueOn", ${table}.met_on::text as "metOn",
    ${table}.cancelled, ${table}.cancelled_on::text as "cancelledOn",
    ${table}.cancels_on::text as "cancelsOn", ${table}.advice_source as "adviceSource",
    ${table}.exception_applies as "exceptionApplies", ${table}.rule, ${table}.revision::float8 as revision`;
}

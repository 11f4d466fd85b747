import type { DeadlineStatus } from '@ehcp/domain';

/**
 * The domain's isOpen as a SQL condition on a case_deadline row (`table`: its name or alias, or none):
 * neither met nor cancelled. Every query that asks "is this deadline open?" uses it; a test holds it
 * equal to isOpen for every combination of met and cancelled. It is the very predicate of the partial
 * indexes of open deadlines (read-models.migration.ts), so the planner can use those.
 */
export function isOpenSql(table?: string): string {
  const column = (name: string) => (table === undefined ? name : `${table}.${name}`);
  return `(${column('met_on')} is null and not ${column('cancelled')})`;
}

/**
 * The domain's statusOf as a SQL condition on case_deadline, for filtering lists. `param` adds a
 * query parameter and returns its placeholder (only the statuses that depend on the date use
 * `asOf` and `warnDays`). Precedence as statusOf: cancelled, then met or met late, then, for open
 * deadlines, overdue once asOf is past the due date, due soon while 0 to warnDays days remain, on
 * track before. The query tests hold it equal to statusOf.
 */
export function statusCondition(
  status: DeadlineStatus,
  param: (value: unknown) => string,
  asOf: string,
  warnDays: number,
): string {
  switch (status) {
    case 'cancelled':
      return 'cancelled';
    case 'met':
      return 'not cancelled and met_on is not null and met_on <= due_on';
    case 'met_late':
      return 'not cancelled and met_on is not null and met_on > due_on';
    case 'overdue':
      return `${isOpenSql()} and due_on < ${param(asOf)}::date`;
    case 'due_soon': {
      const from = param(asOf);
      return `${isOpenSql()} and due_on >= ${from}::date and due_on <= ${from}::date + ${param(warnDays)}::integer`;
    }
    case 'on_track':
      return `${isOpenSql()} and due_on > ${param(asOf)}::date + ${param(warnDays)}::integer`;
  }
}

import type { DeadlineStatus } from '@ehcp/domain';

/**
 * The domain's isOpen as a SQL condition on a case_deadline row (`table`: its name or alias, or none):
 * neither met nor cancelled. Every query that asks "is this deadline open?" uses it (or, for "open on
 * a date", isOpenOnSql); a test holds it equal to isOpen for every combination of met and cancelled. It is the very predicate of the partial
 * indexes of open deadlines (read-models.migration.ts), so the planner can use those.
 */
export function isOpenSql(table?: string): string {
  const column = (name: string) => (table === undefined ? name : `${table}.${name}`);
  return `(${column('met_on')} is null and not ${column('cancelled')})`;
}

/**
 * (2nd ed.) The domain's isOpenOn as a SQL condition: open by its facts (isOpenSql, so the partial
 * indexes of open deadlines still serve it) and not yet reached by the day a pending cessation
 * cancels it (`cancels_on`, DOMAIN.md "Cessation"). `asOf` is a placeholder or literal of a date.
 */
export function isOpenOnSql(table: string | undefined, asOf: string): string {
  const cancelsOn = table === undefined ? 'cancels_on' : `${table}.cancels_on`;
  return `(${isOpenSql(table)} and (${cancelsOn} is null or ${cancelsOn} > ${asOf}::date))`;
}

/**
 * The domain's statusOf as a SQL condition on case_deadline, for filtering lists. `param` adds a
 * query parameter and returns its placeholder (only the statuses that depend on the date use
 * `asOf` and `warnDays`). Precedence as statusOf: cancelled (2nd ed.: also an open deadline whose
 * `cancels_on` has come), then met or met late, then, for deadlines open on asOf, overdue once asOf
 * is past the due date, due soon while 0 to warnDays days remain, on track before. The query tests
 * hold it equal to statusOf.
 */
export function statusCondition(
  status: DeadlineStatus,
  param: (value: unknown) => string,
  asOf: string,
  warnDays: number,
): string {
  switch (status) {
    case 'cancelled':
      return `(cancelled or (met_on is null and cancels_on <= ${param(asOf)}::date))`;
    case 'met':
      return 'not cancelled and met_on is not null and met_on <= due_on';
    case 'met_late':
      return 'not cancelled and met_on is not null and met_on > due_on';
    case 'overdue': {
      const on = param(asOf);
      return `${isOpenOnSql(undefined, on)} and due_on < ${on}::date`;
    }
    case 'due_soon': {
      const from = param(asOf);
      return `${isOpenOnSql(undefined, from)} and due_on >= ${from}::date and due_on <= ${from}::date + ${param(warnDays)}::integer`;
    }
    case 'on_track': {
      const on = param(asOf);
      return `${isOpenOnSql(undefined, on)} and due_on > ${on}::date + ${param(warnDays)}::integer`;
    }
  }
}

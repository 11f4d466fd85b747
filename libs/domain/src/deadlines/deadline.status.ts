import { daysBetween } from '../shared/local-date';
import { DUE_SOON_DAYS } from './deadline.rules';
import type { Deadline, DeadlineStatus, DeadlineStatusResult } from './deadline.types';

/**
 * Whether a deadline is open (DOMAIN.md): neither met nor cancelled. Only an open deadline has a
 * status that depends on the evaluation date (on track, due soon, overdue) and only an open one
 * alerts. Every "is this deadline open?" in the code is this function, or its SQL form
 * (libs/read-models `isOpenSql`, held equal to it by a test).
 */
export function isOpen(deadline: Pick<Deadline, 'metOn' | 'cancelled'>): boolean {
  return deadline.metOn === null && !deadline.cancelled;
}

/**
 * (2nd ed.) Whether a deadline is open on `asOf`: open by its facts, and not yet reached by the day a
 * pending cessation cancels it (`cancelsOn`; DOMAIN.md "Cessation": open as usual before that day,
 * cancelled from it). Alerts due on or after that day never go out.
 */
export function isOpenOn(
  deadline: Pick<Deadline, 'metOn' | 'cancelled' | 'cancelsOn'>,
  asOf: string,
): boolean {
  return isOpen(deadline) && (deadline.cancelsOn === null || asOf < deadline.cancelsOn);
}

/**
 * A deadline's status on `asOf` (DOMAIN.md): met when satisfied on or before its due date, met late
 * after it; an open deadline is overdue once `asOf` is past the due date, due soon while 0 to
 * `warnDays` days remain, on track before that. Cancelled deadlines never alert.
 */
export function statusOf(
  deadline: Pick<Deadline, 'dueOn' | 'metOn' | 'cancelled'> & Partial<Pick<Deadline, 'cancelsOn'>>,
  asOf: string,
  warnDays: number = DUE_SOON_DAYS,
): DeadlineStatusResult {
  const cancelsOn = deadline.cancelsOn ?? null;
  if (isOpen(deadline) && cancelsOn !== null && cancelsOn <= asOf)
    return { status: 'cancelled', daysRemaining: null };
  if (!isOpen(deadline)) return { status: closedStatusOf(deadline), daysRemaining: null };
  const daysRemaining = daysBetween(asOf, deadline.dueOn);
  if (daysRemaining < 0) return { status: 'overdue', daysRemaining };
  return { status: daysRemaining <= warnDays ? 'due_soon' : 'on_track', daysRemaining };
}

/** A deadline no longer open: cancelled, else met on time or late (cancelled wins: it never alerts). */
function closedStatusOf({
  dueOn,
  metOn,
  cancelled,
}: Pick<Deadline, 'dueOn' | 'metOn' | 'cancelled'>): DeadlineStatus {
  if (cancelled) return 'cancelled';
  // Not open and not cancelled: metOn is a date.
  return metOn !== null && metOn > dueOn ? 'met_late' : 'met';
}

import { daysBetween } from '../shared/local-date';
import { DUE_SOON_DAYS } from './deadline.rules';
import type { Deadline, DeadlineStatusResult } from './deadline.types';

/**
 * A deadline's status on `asOf` (DOMAIN.md): met when satisfied on or before its due date, met late
 * after it; an open deadline is overdue once `asOf` is past the due date, due soon while 0 to
 * `warnDays` days remain, on track before that. Cancelled deadlines never alert.
 */
export function statusOf(
  deadline: Pick<Deadline, 'dueOn' | 'metOn' | 'cancelled'>,
  asOf: string,
  warnDays: number = DUE_SOON_DAYS,
): DeadlineStatusResult {
  if (deadline.cancelled) return { status: 'cancelled', daysRemaining: null };
  if (deadline.metOn !== null) {
    return { status: deadline.metOn <= deadline.dueOn ? 'met' : 'met_late', daysRemaining: null };
  }
  const daysRemaining = daysBetween(asOf, deadline.dueOn);
  if (daysRemaining < 0) return { status: 'overdue', daysRemaining };
  return { status: daysRemaining <= warnDays ? 'due_soon' : 'on_track', daysRemaining };
}

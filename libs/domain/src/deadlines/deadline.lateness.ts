import { assertNever } from '../shared/assert-never';
import { daysBetween } from '../shared/local-date';
import { statusOf } from './deadline.status';
import type { Deadline } from './deadline.types';

/**
 * (2nd ed.) How many days late a deadline is on `asOf`, for the family's page ("the council was 12
 * days late"): met late, metOn - dueOn; open and overdue, asOf - dueOn (still growing); otherwise
 * null (met on time, not yet due, cancelled, or cancelled by a pending cessation by `asOf`). The
 * same reading of the facts as `statusOf`, so the number and the status never disagree.
 */
export function daysLateOf(
  deadline: Pick<Deadline, 'dueOn' | 'metOn' | 'cancelled'> & Partial<Pick<Deadline, 'cancelsOn'>>,
  asOf: string,
): number | null {
  const { status } = statusOf(deadline, asOf);
  switch (status) {
    case 'met_late':
      // met_late means metOn is a date after dueOn.
      return daysBetween(deadline.dueOn, deadline.metOn ?? deadline.dueOn);
    case 'overdue':
      return daysBetween(deadline.dueOn, asOf);
    case 'met':
    case 'on_track':
    case 'due_soon':
    case 'cancelled':
      return null;
    default:
      return assertNever(status);
  }
}

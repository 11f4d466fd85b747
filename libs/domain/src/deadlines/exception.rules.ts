import type { TimescaleException } from '../ehcp-case/ehcp-case.state';
import { daysBetween } from '../shared/local-date';
import { ABSENCE_FROM_AREA_MIN_DAYS, EXCEPTION_REASONS_BY_KIND } from './deadline.rules';
import type { DeadlineKind } from './deadline.types';

/** An inclusive date range; `to: null` runs without end. */
export interface DatePeriod {
  readonly from: string;
  readonly to: string | null;
}

function overlaps(a: DatePeriod, b: DatePeriod): boolean {
  return (b.to === null || a.from <= b.to) && (a.to === null || b.from <= a.to);
}

/**
 * reg 10(4)(d) / 8(2)(b) need absence for 4+ continuous weeks: an ended absence shorter than 28 days
 * (both ends inclusive) is not an exception; an open-ended one may still become 28 days, so it counts.
 */
function qualifies(exception: TimescaleException): boolean {
  if (exception.reason !== 'absence_from_area' || exception.endedOn === null) return true;
  return daysBetween(exception.startedOn, exception.endedOn) + 1 >= ABSENCE_FROM_AREA_MIN_DAYS;
}

/**
 * DOMAIN.md: an exception applies to a deadline when its reason applies to the deadline's kind and
 * the two periods overlap (both inclusive). Depends on the events alone, never on an evaluation date.
 */
export function exceptionApplies(
  kind: DeadlineKind,
  deadlinePeriod: DatePeriod,
  exceptions: readonly TimescaleException[],
): boolean {
  const reasons = EXCEPTION_REASONS_BY_KIND[kind];
  return exceptions.some(
    (exception) =>
      reasons.includes(exception.reason) &&
      qualifies(exception) &&
      overlaps(deadlinePeriod, { from: exception.startedOn, to: exception.endedOn }),
  );
}

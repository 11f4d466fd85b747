import type { AdviceRequest, EhcpCase, TimescaleException } from '../ehcp-case/ehcp-case.state';
import type { ExceptionReason } from '../ehcp-case/ehcp-case.vocabulary';
import { daysBetween, maxDate, minDate, plusDays } from '../shared/local-date';
import {
  ABSENCE_FROM_AREA_MIN_DAYS_BY_KIND,
  CLOSURE_ADVICE_SOURCES,
  CLOSURE_ADVICE_WINDOW_DAYS,
  CLOSURE_MIN_DAYS,
  EXCEPTION_REASONS_BY_KIND,
} from './deadline.rules';
import type { DeadlineKind } from './deadline.types';

/** An inclusive date range; `to: null` runs without end. */
export interface DatePeriod {
  readonly from: string;
  readonly to: string | null;
}

/**
 * A deadline's statutory period (DOMAIN.md, 2nd ed.): from its clock start to the earlier of its due
 * date and the day it was met or cancelled, both inclusive. It always ends: an open deadline's period
 * ends on its due date, so whether an exception applies never depends on the date of evaluation.
 */
export interface StatutoryPeriod {
  readonly from: string;
  readonly to: string;
}

/** What of a case decides whether its exceptions qualify: the exceptions and the advice requests. */
export type ExceptionFacts = Pick<EhcpCase, 'exceptions' | 'advice'>;

function overlaps(a: DatePeriod, b: DatePeriod): boolean {
  return (b.to === null || a.from <= b.to) && (a.to === null || b.from <= a.to);
}

/**
 * DOMAIN.md "When an exception applies to a deadline" (2nd ed.): its reason applies to the kind
 * (point 1), it overlaps the statutory period (point 2: one that starts after the due date never
 * applies, reg 10(4) "during that time period", reg 8(2) "during that 6 week period"), and it
 * qualifies (points 3 and 4). Depends on the events alone, never on an evaluation date.
 */
export function exceptionApplies(
  kind: DeadlineKind,
  period: StatutoryPeriod,
  facts: ExceptionFacts,
): boolean {
  const reasons = EXCEPTION_REASONS_BY_KIND[kind];
  // A loop, not a some with a closure: asked for every deadline of a case with an exception, on every event.
  for (const exception of facts.exceptions)
    if (
      reasons.includes(exception.reason) &&
      overlaps(period, { from: exception.startedOn, to: exception.endedOn }) &&
      QUALIFIES[exception.reason](exception, kind, period, facts.advice)
    )
      return true;
  return false;
}

type Qualifies = (
  exception: TimescaleException,
  kind: DeadlineKind,
  period: StatutoryPeriod,
  advice: readonly AdviceRequest[],
) => boolean;

/** Points 3 and 4, per reason: the other reasons qualify by being recorded. */
const QUALIFIES: { readonly [R in ExceptionReason]: Qualifies } = {
  absence_from_area: (absence, kind, period) => absentLongEnough(kind, period, absence),
  institution_closure: (closure, _kind, _period, advice) =>
    closureQualifies('institution_closure', closure, advice),
  early_years_closure: (closure, _kind, _period, advice) =>
    closureQualifies('early_years_closure', closure, advice),
  exceptional_personal_circumstances: () => true,
  missed_appointment: () => true,
};

/**
 * Point 3: reg 5(4)(d), 8(2)(b), 10(4)(d) need absence "for a continuous period of not less than 4
 * weeks" (reg 44(3): 2 weeks for orders), counted inside the statutory period, both ends inclusive.
 * An absence without an end date counts to the end of the statutory period.
 */
function absentLongEnough(kind: DeadlineKind, period: StatutoryPeriod, absence: TimescaleException): boolean {
  const minDays = ABSENCE_FROM_AREA_MIN_DAYS_BY_KIND[kind] ?? Number.POSITIVE_INFINITY;
  const from = maxDate(absence.startedOn, period.from);
  const to = minDate(absence.endedOn ?? period.to, period.to);
  return daysBetween(from, to) + 1 >= minDays;
}

/**
 * Point 4, reg 10(4)(a), (b): the exception records the closure (started on the first day closed,
 * ended on the day it re-opens, at least 4 weeks apart) and some advice request to that kind of
 * setting is dated from one week before the closure to one week before it re-opens, inclusive. A
 * closure whose re-opening is not recorded yet cannot be shown to qualify.
 */
function closureQualifies(
  reason: keyof typeof CLOSURE_ADVICE_SOURCES,
  closure: TimescaleException,
  advice: readonly AdviceRequest[],
): boolean {
  const reopensOn = closure.endedOn;
  if (reopensOn === null || daysBetween(closure.startedOn, reopensOn) < CLOSURE_MIN_DAYS) return false;
  const from = plusDays(closure.startedOn, -CLOSURE_ADVICE_WINDOW_DAYS);
  const to = plusDays(reopensOn, -CLOSURE_ADVICE_WINDOW_DAYS);
  return advice.some(
    (request) =>
      CLOSURE_ADVICE_SOURCES[reason].includes(request.source) &&
      request.requestedOn >= from &&
      request.requestedOn <= to,
  );
}

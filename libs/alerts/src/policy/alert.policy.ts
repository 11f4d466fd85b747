import { LocalDate } from '@js-joda/core';
import { londonInstant } from './london-time';

export const ALERT_KINDS = ['due_soon', 'overdue'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface AlertPolicyConfig {
  /** Days before the due date of each `due_soon` alert (ALERT_WARN_DAYS). */
  readonly warnDays: readonly number[];
  /** London wall-clock time 'HH:MM' every alert fires at (ALERT_LOCAL_TIME). */
  readonly localTime: string;
}

/** The deadline facts the policy needs; a met or cancelled deadline never alerts. */
export interface AlertableDeadline {
  readonly dueOn: string;
  readonly metOn: string | null;
  readonly cancelled: boolean;
}

export interface Alert {
  readonly kind: AlertKind;
  /** The warning's offset in days before the due date; null for `overdue`. */
  readonly warnDays: number | null;
  /** Unique per due date: 'due_soon-14', 'due_soon-5', 'overdue'. */
  readonly key: string;
  readonly dueOn: string;
  /** The London date the alert fires on. */
  readonly firesOn: string;
  readonly fireAt: Date;
}

export interface AlertSchedule {
  /** The one alert to send now: the latest whose time has passed (it supersedes every earlier one). */
  readonly now: Alert | null;
  /** Alerts still to come, earliest first. */
  readonly later: Alert[];
}

/** Every alert of a due date, earliest first: a warning per offset, then `overdue` the day after. */
export function alertsOf(dueOn: string, config: AlertPolicyConfig): Alert[] {
  const due = LocalDate.parse(dueOn);
  const at = (kind: AlertKind, warnDays: number | null, firesOn: LocalDate): Alert => ({
    kind,
    warnDays,
    key: warnDays === null ? kind : `${kind}-${warnDays}`,
    dueOn,
    firesOn: firesOn.toString(),
    fireAt: londonInstant(firesOn.toString(), config.localTime),
  });
  const warnings = [...new Set(config.warnDays)]
    .sort((a, b) => b - a)
    .map((days) => at('due_soon', days, due.minusDays(days)));
  return [...warnings, at('overdue', null, due.plusDays(1))];
}

/**
 * What a deadline needs at `now`: nothing once met or cancelled; otherwise the latest alert already
 * due (nothing says "due soon" about a deadline already overdue) and those still to come.
 */
export function alertScheduleOf(
  deadline: AlertableDeadline,
  now: Date,
  config: AlertPolicyConfig,
): AlertSchedule {
  if (deadline.metOn !== null || deadline.cancelled) return { now: null, later: [] };
  const alerts = alertsOf(deadline.dueOn, config);
  const past = alerts.filter((alert) => alert.fireAt.getTime() <= now.getTime());
  return { now: past.at(-1) ?? null, later: alerts.slice(past.length) };
}

/** The policy's part of the validated configuration (ALERT_WARN_DAYS, ALERT_LOCAL_TIME). */
export function alertPolicyConfigOf(config: {
  readonly ALERT_WARN_DAYS: readonly number[];
  readonly ALERT_LOCAL_TIME: string;
}): AlertPolicyConfig {
  return { warnDays: config.ALERT_WARN_DAYS, localTime: config.ALERT_LOCAL_TIME };
}

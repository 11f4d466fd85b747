import { isOpen } from '@ehcp/domain';
import { LocalDate } from '@js-joda/core';
import { londonDate, londonInstant } from '@ehcp/config';

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
  /**
   * When the deadline with this due date became known: the creation of the alert_outbox row that
   * opened it, moved it to this date or reopened it (alert_schedule.known_since). Absent or null: known
   * before any of its alerts (rows relayed before the rule existed).
   */
  readonly knownSince?: Date | null;
  /**
   * (2nd ed.) The day a pending cessation cancels the deadline (DOMAIN.md "Cessation"): no alert is
   * planned for that day or later. Absent or null: no cessation pending.
   */
  readonly cancelsOn?: string | null;
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
  /**
   * When it is sent: `fireAt`, or, for an alert whose time had already passed when the deadline
   * became known, the next ALERT_LOCAL_TIME after that.
   */
  readonly sendAt: Date;
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
  const at = (kind: AlertKind, warnDays: number | null, firesOn: LocalDate): Alert => {
    const fireAt = londonInstant(firesOn.toString(), config.localTime);
    return {
      kind,
      warnDays,
      key: warnDays === null ? kind : `${kind}-${warnDays}`,
      dueOn,
      firesOn: firesOn.toString(),
      fireAt,
      sendAt: fireAt,
    };
  };
  const warnings = [...new Set(config.warnDays)]
    .sort((a, b) => b - a)
    .map((days) => at('due_soon', days, due.minusDays(days)));
  return [...warnings, at('overdue', null, due.plusDays(1))];
}

/** The first `localTime` ('HH:MM') in London strictly after `instant`, right across clock changes. */
export function nextLocalTimeAfter(instant: Date, localTime: string): Date {
  const today = londonDate(instant);
  const sameDay = londonInstant(today, localTime);
  if (sameDay.getTime() > instant.getTime()) return sameDay;
  return londonInstant(LocalDate.parse(today).plusDays(1).toString(), localTime);
}

/**
 * What a deadline needs at `now`: nothing once met or cancelled, and (2nd ed.) nothing dated on or
 * after the day a pending cessation cancels it; otherwise the latest alert already due (nothing says "due soon" about a deadline already overdue) and those still to come.
 *
 * Facts are often recorded after they happen, a step at a time: a deadline may become known after
 * some of its alerts' times. Those are not sent at once but at the next ALERT_LOCAL_TIME after it
 * became known, when the worker re-reads the deadline, so a case recorded step by step raises no
 * breach for a deadline the next step meets (DESIGN.md). An alert whose time passes while the
 * deadline is known is sent as soon as possible, however late.
 */
export function alertScheduleOf(
  deadline: AlertableDeadline,
  now: Date,
  config: AlertPolicyConfig,
): AlertSchedule {
  if (!isOpen(deadline)) return { now: null, later: [] };
  const timed = sendTimesOf(alertsOf(deadline.dueOn, config), deadline.knownSince, config);
  const alerts = latestOnly(beforeCessation(timed, deadline.cancelsOn ?? null));
  const due = alerts.filter((alert) => alert.sendAt.getTime() <= now.getTime());
  return { now: due.at(-1) ?? null, later: alerts.slice(due.length) };
}

function sendTimesOf(
  alerts: readonly Alert[],
  knownSince: Date | null | undefined,
  config: AlertPolicyConfig,
): Alert[] {
  if (knownSince === null || knownSince === undefined) return [...alerts];
  const next = nextLocalTimeAfter(knownSince, config.localTime);
  return alerts.map((alert) =>
    alert.fireAt.getTime() < knownSince.getTime() ? { ...alert, sendAt: next } : alert,
  );
}

/**
 * (2nd ed.) The alerts dated before the day a pending cessation cancels the deadline, by the London
 * date they fire on and the one they are sent on: from that day the deadline is no longer open, so
 * nothing may be said about it (the breach of a deadline due after the plan ceases never goes out).
 */
function beforeCessation(alerts: readonly Alert[], cancelsOn: string | null): Alert[] {
  if (cancelsOn === null) return [...alerts];
  return alerts.filter((alert) => alert.firesOn < cancelsOn && londonDate(alert.sendAt) < cancelsOn);
}

/** Drops each alert that a later one is sent at or before: the later one speaks for the deadline. */
function latestOnly(alerts: readonly Alert[]): Alert[] {
  return alerts.filter((alert, index) =>
    alerts.slice(index + 1).every((later) => later.sendAt.getTime() > alert.sendAt.getTime()),
  );
}

/** The policy's part of the validated configuration (ALERT_WARN_DAYS, ALERT_LOCAL_TIME). */
export function alertPolicyConfigOf(config: {
  readonly ALERT_WARN_DAYS: readonly number[];
  readonly ALERT_LOCAL_TIME: string;
}): AlertPolicyConfig {
  return { warnDays: config.ALERT_WARN_DAYS, localTime: config.ALERT_LOCAL_TIME };
}

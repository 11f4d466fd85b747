import type { Alert, AlertKind, AlertableDeadline } from '../policy/alert.policy';

/** One alert of one deadline due date; the job id makes every relay, sweep and retry of it one job. */
export interface AlertJobData {
  readonly deadlineId: string;
  readonly caseId: string;
  readonly kind: AlertKind;
  readonly warnDays: number | null;
  readonly key: string;
  readonly dueOn: string;
  /** ISO instant the alert is due (the policy's, from the injected clock). */
  readonly fireAt: string;
  /**
   * ISO instant it is to be sent: `fireAt`, or the next local time after the deadline became known
   * when that was later. Absent on jobs queued before it existed: `fireAt`.
   */
  readonly sendAt?: string;
  /** alert_schedule.known_since when the job was queued, for a worker that runs before its commit. */
  readonly knownSince?: string | null;
}

export function alertJobData(
  deadline: { id: string; caseId: string } & Pick<AlertableDeadline, 'knownSince'>,
  alert: Alert,
): AlertJobData {
  return {
    deadlineId: deadline.id,
    caseId: deadline.caseId,
    kind: alert.kind,
    warnDays: alert.warnDays,
    key: alert.key,
    dueOn: alert.dueOn,
    fireAt: alert.fireAt.toISOString(),
    sendAt: alert.sendAt.toISOString(),
    knownSince: deadline.knownSince?.toISOString() ?? null,
  };
}

/**
 * `<deadlineId>_<alertKey>_<dueOn>`. BullMQ job ids must not contain ':' (its key separator): the
 * deadline id is percent-encoded, which keeps distinct ids distinct.
 */
export function alertJobId(deadlineId: string, alertKey: string, dueOn: string): string {
  return `${encodeURIComponent(deadlineId)}_${alertKey}_${dueOn}`;
}

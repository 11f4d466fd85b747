import type { AlertKind } from '../policy/alert.policy';
import { deadlineTitleOf } from './deadline-title';

/** One alert in a recipient's daily digest: ids, kinds and dates only, never the child's name. */
export interface DigestEntry {
  readonly notificationId: string;
  readonly kind: AlertKind;
  readonly warnDays: number | null;
  readonly caseId: string;
  /** The council's own case reference, when it has one. */
  readonly reference: string | null;
  readonly team: string;
  readonly deadlineKind: string;
  readonly dueOn: string;
}

/** A recipient's e-mail of one London day's alerts (ALERT_EMAIL_MODE=digest). */
export interface DigestMessage {
  readonly digestOn: string;
  readonly entries: readonly DigestEntry[];
}

export function digestSubjectOf({ digestOn, entries }: DigestMessage): string {
  const missed = entries.filter((entry) => entry.kind === 'overdue').length;
  return `EHCP deadline alerts for ${digestOn}: ${missed} missed, ${entries.length - missed} due soon`;
}

export function digestTextOf({ digestOn, entries }: DigestMessage): string {
  const line = (entry: DigestEntry) => {
    const what =
      entry.kind === 'overdue' ? 'MISSED  ' : `DUE SOON (${entry.warnDays} days' warning)`.padEnd(8);
    const reference = entry.reference ? ` ${entry.reference}` : '';
    return `- ${what} ${deadlineTitleOf(entry.deadlineKind)} (${entry.deadlineKind}) due ${entry.dueOn}, case${reference} ${entry.caseId} (team ${entry.team}), alert ${entry.notificationId}`;
  };
  return [
    `Deadline alerts raised for ${digestOn} (${entries.length}):`,
    '',
    ...entries.map(line),
    '',
    'Open each case in the EHCP system for details; the in-app list shows whether a deadline was met since.',
  ].join('\n');
}

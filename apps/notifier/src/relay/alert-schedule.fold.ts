import type { AlertableDeadline } from '@ehcp/alerts';
import { isOpen } from '@ehcp/domain';

/** An alert_outbox row as the relay reads it. */
export interface OutboxRow {
  readonly id: string;
  readonly deadlineId: string;
  readonly dueOn: string;
  /** The deadline's isOpen after the change the row records (alert_outbox.open). */
  readonly open: boolean;
  readonly createdAt: Date;
}

/** What alert_schedule holds for a deadline: the due date scheduled, since when it is known, from which row. */
export interface Scheduled {
  readonly dueOn: string | null;
  readonly knownSince: Date | null;
  /** The last outbox row applied (their ids only grow): a row relayed after a later one (two notifiers) is ignored. */
  readonly outboxId: string | null;
}

export const NOTHING_SCHEDULED: Scheduled = { dueOn: null, knownSince: null, outboxId: null };

/**
 * What to schedule for a deadline: its due date while open and when that became known, the creation
 * of the outbox row that opened it, moved it to that date or reopened it, following the rows not yet
 * applied, in order, from what was scheduled before. Nothing while no row read yet explains its due
 * date: the row of that change committed after this batch was read, and its relay schedules it.
 */
export function scheduleOf(
  before: Scheduled,
  rows: readonly OutboxRow[],
  deadline: AlertableDeadline | undefined,
): Scheduled {
  let known = before;
  for (const row of rows) {
    if (known.outboxId !== null && BigInt(row.id) <= BigInt(known.outboxId)) continue;
    if (!row.open) known = { ...NOTHING_SCHEDULED, outboxId: row.id };
    else if (row.dueOn !== known.dueOn)
      known = { dueOn: row.dueOn, knownSince: row.createdAt, outboxId: row.id };
    else known = { ...known, outboxId: row.id };
  }
  const open = deadline !== undefined && isOpen(deadline);
  return open && known.dueOn === deadline.dueOn ? known : { ...NOTHING_SCHEDULED, outboxId: known.outboxId };
}

import { isOpen } from '@ehcp/domain';
import type { CaseDeadlineEntity } from '../schema/case-deadline.entity';

/** An alert_outbox row to write: what the notifier's relay reads, nothing more. */
export interface DeadlineAlert {
  readonly deadlineId: string;
  readonly dueOn: string;
  /** isOpen after the change: the relay schedules alerts from an open row, removes them on a closed one. */
  readonly open: boolean;
}

export type DeadlineFacts = Pick<
  CaseDeadlineEntity,
  'id' | 'dueOn' | 'metOn' | 'cancelled' | 'exceptionApplies' | 'cancelsOn'
>;

const isOpenRow = (deadline: DeadlineFacts | undefined): deadline is DeadlineFacts =>
  deadline !== undefined && isOpen(deadline);

/**
 * The outbox row for a deadline going from `before` to `after` (undefined: no such row), or null.
 * Only open deadlines alert, so a row is written when a deadline becomes open (a reversal reopening
 * one included), stops being open (met, cancelled or gone) or, while open, changes its due date or
 * whether an exception applies. The projection and the rebuild's swap both use it.
 */
export function deadlineAlertOf(
  before: DeadlineFacts | undefined,
  after: DeadlineFacts | undefined,
): DeadlineAlert | null {
  if (!isOpenRow(before)) return isOpenRow(after) ? alert(after, true) : null;
  if (!isOpenRow(after)) return alert(after ?? before, false);
  const moved =
    after.dueOn !== before.dueOn ||
    after.exceptionApplies !== before.exceptionApplies ||
    (after.cancelsOn ?? null) !== (before.cancelsOn ?? null);
  return moved ? alert(after, true) : null;
}

function alert(deadline: DeadlineFacts, open: boolean): DeadlineAlert {
  return { deadlineId: deadline.id, dueOn: deadline.dueOn, open };
}

import type { CaseDeadlineEntity } from '../schema/case-deadline.entity';
import type { DeadlineChange } from '../schema/alert-outbox.entity';

/** An alert_outbox row to write. */
export interface DeadlineAlert {
  readonly deadlineId: string;
  readonly caseId: string;
  readonly team: string;
  readonly kind: string;
  readonly change: DeadlineChange;
  readonly dueOn: string;
  readonly metOn: string | null;
  readonly cancelled: boolean;
}

export type DeadlineFacts = Pick<
  CaseDeadlineEntity,
  'id' | 'caseId' | 'team' | 'kind' | 'dueOn' | 'metOn' | 'cancelled' | 'exceptionApplies'
>;

const isOpen = (deadline: DeadlineFacts | undefined): deadline is DeadlineFacts =>
  deadline !== undefined && deadline.metOn === null && !deadline.cancelled;

/**
 * The outbox row for a deadline going from `before` to `after` (undefined: no such row), or null.
 * Only open deadlines alert, so a row is written when a deadline becomes open (`opened`, a reversal
 * reopening one included), stops being open (`met`, `cancelled`) or, while open, changes its due
 * date or whether an exception applies (`moved`). The projection and the rebuild's swap both use it.
 */
export function deadlineAlertOf(
  before: DeadlineFacts | undefined,
  after: DeadlineFacts | undefined,
): DeadlineAlert | null {
  if (!isOpen(before)) return isOpen(after) ? alert(after, 'opened') : null;
  if (after === undefined) return alert({ ...before, cancelled: true }, 'cancelled');
  if (after.metOn !== null) return alert(after, 'met');
  if (after.cancelled) return alert(after, 'cancelled');
  const moved = after.dueOn !== before.dueOn || after.exceptionApplies !== before.exceptionApplies;
  return moved ? alert(after, 'moved') : null;
}

function alert(deadline: DeadlineFacts, change: DeadlineChange): DeadlineAlert {
  return {
    deadlineId: deadline.id,
    caseId: deadline.caseId,
    team: deadline.team,
    kind: deadline.kind,
    change,
    dueOn: deadline.dueOn,
    metOn: deadline.metOn,
    cancelled: deadline.cancelled,
  };
}

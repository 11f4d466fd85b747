import type { DeadlineView } from '@ehcp/read-models';
import type { AlertKind } from '../policy/alert.policy';

/**
 * What every channel says about a notification: ids, dates and the rule only. The child's name and
 * date of birth are special-category data and never leave the system in an alert.
 */
export interface AlertMessage {
  readonly id: string;
  readonly kind: AlertKind;
  readonly warnDays: number | null;
  readonly caseId: string;
  readonly team: string;
  /** The API's `Deadline` as it stood when the alert was raised. */
  readonly deadline: DeadlineView;
}

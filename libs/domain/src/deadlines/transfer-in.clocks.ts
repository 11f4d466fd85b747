import type { EhcpCase } from '../ehcp-case/ehcp-case.state';
import { maxDate, plusDays, plusMonths } from '../shared/local-date';
import type { DeadlineClock } from './deadline-clock';
import {
  TRANSFER_NOTICE_WEEKS,
  TRANSFER_REVIEW_MIN_MONTHS_AFTER_TRANSFER,
  TRANSFER_REVIEW_MONTHS,
  weeksAfter,
} from './deadline.rules';
import type { DeadlineOptions } from './deadline.types';

/** (2nd ed.) reg 15(4): the notice to the family, due 6 weeks from the transfer date T. */
export function transferNoticeClocks(state: EhcpCase, { counting }: DeadlineOptions): DeadlineClock[] {
  const transfer = state.transferIn;
  if (transfer === null) return [];
  return [
    {
      kind: 'transfer_notice',
      ref: null,
      startsOn: transfer.transferredOn,
      dueOn: weeksAfter(transfer.transferredOn, TRANSFER_NOTICE_WEEKS, counting),
      metOn: transfer.notice?.issuedOn ?? null,
      cancelledOn: null,
    },
  ];
}

/**
 * (2nd ed.) reg 15(5): the first review of a transferred-in plan is due on the day before the later
 * of 12 months from its last review (or, never reviewed, its making) and 3 months from the transfer.
 */
export function firstTransferReviewDueOn(state: EhcpCase): string | null {
  const transfer = state.transferIn;
  if (transfer === null) return null;
  const reviewedOn = transfer.lastReviewedOn ?? transfer.planMadeOn;
  const later = maxDate(
    plusMonths(reviewedOn, TRANSFER_REVIEW_MONTHS),
    plusMonths(transfer.transferredOn, TRANSFER_REVIEW_MIN_MONTHS_AFTER_TRANSFER),
  );
  return plusDays(later, -1);
}

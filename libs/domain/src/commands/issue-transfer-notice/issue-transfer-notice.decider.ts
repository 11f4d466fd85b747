import type { IssueTransferNotice } from '../../ehcp-case/ehcp-case.commands';
import type { TransferNoticeIssued } from '../../ehcp-case/ehcp-case.events';
import {
  refuse,
  requireCase,
  requireNotBefore,
  requirePastDate,
  requireStage,
  type Refusal,
} from '../../ehcp-case/ehcp-case.guards';
import { MAINTAINED_STAGES, type EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

const NOT_TRANSFERRED: Refusal = [
  'NOT_TRANSFERRED_IN',
  'This case did not open with a plan transferred from another authority',
];

/**
 * (2nd ed.) SEND Regs 2014 reg 15(4): within 6 weeks of the transfer the LA tells the family whether
 * it will assess the child (`proposesAssessment`) and when it will review the plan. It meets
 * `transfer_notice` (T + 42); one per transfer, dated on or after it, while the plan is maintained.
 */
export function issueTransferNotice(
  { data, today }: IssueTransferNotice,
  state: EhcpCaseState,
): [TransferNoticeIssued] {
  const current = requireCase(state);
  const issuedOn = requirePastDate(data.issuedOn, 'issuedOn', today);
  requireStage(current, { allowed: MAINTAINED_STAGES, early: NOT_TRANSFERRED });
  const transfer = current.transferIn ?? refuse(NOT_TRANSFERRED);
  if (transfer.notice !== null)
    refuse([
      'TRANSFER_NOTICE_ALREADY_ISSUED',
      `The reg 15(4) notice was issued on ${transfer.notice.issuedOn}`,
    ]);
  // The case opened on the transfer date (its `requestReceivedOn`): nothing of it is dated before.
  requireNotBefore(issuedOn, transfer.transferredOn, [
    'DATE_BEFORE_REQUEST',
    'Transfer notice dated before the transfer',
  ]);
  return [{ type: 'TransferNoticeIssued', data: { issuedOn, proposesAssessment: data.proposesAssessment } }];
}

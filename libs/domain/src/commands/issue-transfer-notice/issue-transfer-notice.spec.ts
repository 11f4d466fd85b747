import { deadlinesOf } from '../../deadlines/deadline.calculator';
import { replay } from '../../ehcp-case/ehcp-case.evolve';
import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

// DOMAIN.md (2nd ed.) "Transfer in": within 6 weeks of the transfer T the LA tells the family whether
// it will assess the child and when it will review the plan (SEND Regs 2014 reg 15(4)).

const notice = (issuedOn: string, proposesAssessment = false, today?: string) =>
  command('IssueTransferNotice', { issuedOn, proposesAssessment }, today);

describe('IssueTransferNotice (reg 15(4))', () => {
  it('records the notice to the family, whether or not the LA proposes to assess', () => {
    given(history.transferredIn)
      .when(notice('2025-12-20'))
      .then([on.transferNoticeIssued('2025-12-20', false)]);
    given(history.transferredIn)
      .when(notice('2026-01-12', true))
      .then([on.transferNoticeIssued('2026-01-12', true)]);
  });

  it('meets transfer_notice (T + 42: 2026-01-12 for T 2025-12-01)', () => {
    const state = replay([...history.transferredIn, on.transferNoticeIssued('2026-01-12')]);
    expect(deadlinesOf(state).find((d) => d.kind === 'transfer_notice')).toMatchObject({
      dueOn: '2026-01-12',
      metOn: '2026-01-12',
    });
  });

  it('accepts a notice on the transfer date itself', () => {
    given(history.transferredIn)
      .when(notice('2025-12-01'))
      .then([on.transferNoticeIssued('2025-12-01')]);
  });

  it('is recorded while a decision to cease is pending (the plan is still maintained)', () => {
    given([...history.transferredIn, on.cessationDecided('2025-12-10')])
      .when(notice('2025-12-20', false, '2026-01-05'))
      .then([on.transferNoticeIssued('2025-12-20')]);
  });

  it('refuses a notice dated after today: DATE_IN_FUTURE', () => {
    given(history.transferredIn)
      .when(notice('2026-01-06', false, '2026-01-05'))
      .thenThrows('DATE_IN_FUTURE', 'issuedOn');
  });

  it('refuses a notice that is no calendar date: INVALID_DATE', () => {
    given(history.transferredIn).when(notice('2025-12-32')).thenThrows('INVALID_DATE', 'issuedOn');
  });

  it('refuses a notice dated before the transfer: DATE_BEFORE_REQUEST', () => {
    given(history.transferredIn).when(notice('2025-11-30')).thenThrows('DATE_BEFORE_REQUEST');
  });

  it('refuses a second notice: TRANSFER_NOTICE_ALREADY_ISSUED', () => {
    given([...history.transferredIn, on.transferNoticeIssued('2025-12-20')])
      .when(notice('2025-12-21'))
      .thenThrows('TRANSFER_NOTICE_ALREADY_ISSUED');
  });

  it('refuses on a case opened by a request, at any stage before its end: NOT_TRANSFERRED_IN', () => {
    given(history.requested).when(notice('2025-12-20')).thenThrows('NOT_TRANSFERRED_IN');
    given(history.planMaintained).when(notice('2026-02-20')).thenThrows('NOT_TRANSFERRED_IN');
  });

  it('refuses once the plan has ceased: PLAN_CEASED', () => {
    given([...history.transferredIn, on.ceased('2025-12-15')])
      .when(notice('2025-12-20'))
      .thenThrows('PLAN_CEASED');
    // A decision to cease on 2025-12-10 with no appeal: the plan ceases on 2026-02-11.
    given([...history.transferredIn, on.cessationDecided('2025-12-10')])
      .when(notice('2025-12-20', false, '2026-02-11'))
      .thenThrows('PLAN_CEASED');
  });

  it('refuses on a closed case: CASE_CLOSED', () => {
    given([...history.transferredIn, on.closed('2025-12-15')])
      .when(notice('2025-12-20'))
      .thenThrows('CASE_CLOSED');
  });

  it('refuses before any case: CASE_NOT_FOUND', () => {
    given([]).when(notice('2025-12-20')).thenThrows('CASE_NOT_FOUND');
  });
});

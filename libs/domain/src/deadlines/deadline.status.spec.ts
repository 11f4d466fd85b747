import { replay } from '../ehcp-case/ehcp-case.evolve';
import type { EhcpCaseEvent } from '../ehcp-case/ehcp-case.events';
import { on } from '../testing/case-events';
import { history } from '../testing/ehcp-case.fixtures';
import { deadlinesOf } from './deadline.calculator';
import { isOpen, statusOf } from './deadline.status';
import { DEADLINE_STATUSES, type DeadlineStatus } from './deadline.types';

const open = { dueOn: '2026-01-19', metOn: null, cancelled: false };

describe('statusOf', () => {
  it.each([
    ['on track with 15 days left', '2026-01-04', 'on_track', 15],
    ['due soon with 14 days left (the largest warning offset)', '2026-01-05', 'due_soon', 14],
    ['due soon on the due date itself (0 days left)', '2026-01-19', 'due_soon', 0],
    ['overdue the day after the due date', '2026-01-20', 'overdue', -1],
    ['on track across a year end, counting calendar days', '2025-12-01', 'on_track', 49],
  ])('%s', (_title, asOf, status, daysRemaining) => {
    expect(statusOf(open, asOf)).toEqual({ status, daysRemaining });
  });

  it('takes the warning window as a parameter', () => {
    expect(statusOf(open, '2026-01-14', 5)).toEqual({ status: 'due_soon', daysRemaining: 5 });
    expect(statusOf(open, '2026-01-13', 5)).toEqual({ status: 'on_track', daysRemaining: 6 });
  });

  it('met when satisfied on the due date, met late the day after; no days remaining once met', () => {
    expect(statusOf({ ...open, metOn: '2026-01-19' }, '2026-03-01')).toEqual({
      status: 'met',
      daysRemaining: null,
    });
    expect(statusOf({ ...open, metOn: '2026-01-20' }, '2026-03-01')).toEqual({
      status: 'met_late',
      daysRemaining: null,
    });
  });

  it('cancelled deadlines never alert', () => {
    expect(statusOf({ ...open, cancelled: true }, '2026-03-01')).toEqual({
      status: 'cancelled',
      daysRemaining: null,
    });
  });
});

/** Given a case's events, when its deadlines are derived, then the ids of those still open. */
const openDeadlinesOf = (events: readonly EhcpCaseEvent[]) =>
  deadlinesOf(replay(events))
    .filter(isOpen)
    .map((deadline) => deadline.id);

const DATED_STATUSES: readonly DeadlineStatus[] = ['on_track', 'due_soon', 'overdue'];

describe('isOpen', () => {
  it('given a request received, when nothing else happened, then reg 5(1), 10(1) and 13(2) clocks are all open', () => {
    expect(openDeadlinesOf(history.requested)).toEqual(['decision_to_assess', 'plan_decision', 'final_plan']);
  });

  it('given a refusal to assess, then decision_to_assess is met and plan_decision, final_plan are cancelled: none open', () => {
    expect(openDeadlinesOf(history.refused)).toEqual([]);
  });

  it('given a decision not to issue, then it meets plan_decision (reg 10(1)) and cancels final_plan: none open', () => {
    expect(openDeadlinesOf(history.assessing)).toEqual(['plan_decision', 'final_plan']);
    expect(openDeadlinesOf(history.notIssued)).toEqual([]);
  });

  it('given a final plan issued (reg 13(2)), then only the first annual review (CFA 2014 s44(1)) is open', () => {
    expect(openDeadlinesOf(history.planMaintained)).toEqual(['annual_review']);
  });

  it('given a plan ceased (CFA 2014 s45) or a case closed, then no deadline is open', () => {
    expect(openDeadlinesOf(history.ceased)).toEqual([]);
    expect(openDeadlinesOf(history.closed)).toEqual([]);
  });

  it('given a refusal reversed by a decision to assess, then plan_decision and final_plan are open again', () => {
    expect(openDeadlinesOf([...history.refused, on.assessed('2025-11-01')])).toEqual([
      'plan_decision',
      'final_plan',
    ]);
  });

  it.each([
    ['neither met nor cancelled', null, false, true],
    ['met on time', '2026-01-19', false, false],
    ['met late', '2026-01-20', false, false],
    ['cancelled', null, true, false],
    ['met and cancelled', '2026-01-19', true, false],
  ])('a deadline %s is open exactly when its status depends on the date', (_, metOn, cancelled, expected) => {
    const deadline = { dueOn: '2026-01-19', metOn, cancelled };
    expect(isOpen(deadline)).toBe(expected);
    for (const asOf of ['2025-12-01', '2026-01-10', '2026-01-19', '2026-03-01']) {
      const { status } = statusOf(deadline, asOf);
      expect(DATED_STATUSES.includes(status)).toBe(expected);
      expect(DEADLINE_STATUSES).toContain(status);
    }
  });
});

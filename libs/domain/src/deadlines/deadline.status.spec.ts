import { statusOf } from './deadline.status';

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

import { deadlineAlertOf, type DeadlineFacts } from './deadline-alert';

const open: DeadlineFacts = {
  id: 'case-1/final_plan',
  dueOn: '2026-01-19',
  metOn: null,
  cancelled: false,
  exceptionApplies: false,
  cancelsOn: null,
};
const row = { deadlineId: 'case-1/final_plan', dueOn: '2026-01-19' };

describe('deadlineAlertOf', () => {
  it('writes an open row when a deadline opens, is reopened, moves or an exception starts applying', () => {
    expect(deadlineAlertOf(undefined, open)).toEqual({ ...row, open: true });
    expect(deadlineAlertOf({ ...open, cancelled: true }, open)).toEqual({ ...row, open: true });
    expect(deadlineAlertOf(open, { ...open, dueOn: '2026-02-02' })).toEqual({
      ...row,
      dueOn: '2026-02-02',
      open: true,
    });
    expect(deadlineAlertOf(open, { ...open, exceptionApplies: true })).toEqual({ ...row, open: true });
  });

  it('(2nd ed.) writes an open row when a pending cessation sets, moves or lifts the day it cancels an open deadline (DOMAIN.md "Cessation")', () => {
    const ceasing = { ...open, cancelsOn: '2026-01-10' };
    expect(deadlineAlertOf(open, ceasing)).toEqual({ ...row, open: true });
    expect(deadlineAlertOf(ceasing, { ...open, cancelsOn: '2026-02-01' })).toEqual({ ...row, open: true });
    expect(deadlineAlertOf(ceasing, open)).toEqual({ ...row, open: true });
    expect(deadlineAlertOf(ceasing, { ...ceasing })).toBeNull();
  });

  it('writes a closed row, with the due date, when a deadline is met, cancelled or gone', () => {
    expect(deadlineAlertOf(open, { ...open, metOn: '2026-01-20' })).toEqual({ ...row, open: false });
    expect(deadlineAlertOf(open, { ...open, cancelled: true })).toEqual({ ...row, open: false });
    expect(deadlineAlertOf(open, undefined)).toEqual({ ...row, open: false });
  });

  it('writes nothing when a deadline stays as it was for alerting, open or not', () => {
    expect(deadlineAlertOf(open, { ...open })).toBeNull();
    expect(deadlineAlertOf(undefined, { ...open, metOn: '2026-01-10' })).toBeNull();
    expect(deadlineAlertOf({ ...open, metOn: '2026-01-10' }, { ...open, cancelled: true })).toBeNull();
    expect(deadlineAlertOf({ ...open, cancelled: true }, undefined)).toBeNull();
  });
});

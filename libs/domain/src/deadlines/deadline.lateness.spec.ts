import { daysLateOf } from './deadline.lateness';

// For the family's page: "the council was N days late" (the statutory deadlines of DOMAIN.md).

describe('daysLateOf', () => {
  const due = { dueOn: '2026-01-19', metOn: null, cancelled: false };

  it('a deadline met after its due date: metOn - dueOn', () => {
    expect(daysLateOf({ ...due, metOn: '2026-01-31' }, '2026-06-01')).toBe(12);
  });

  it('a deadline met on or before its due date: null', () => {
    expect(daysLateOf({ ...due, metOn: '2026-01-19' }, '2026-06-01')).toBeNull();
    expect(daysLateOf({ ...due, metOn: '2026-01-02' }, '2026-06-01')).toBeNull();
  });

  it('an open deadline past due on asOf: asOf - dueOn, growing each day', () => {
    expect(daysLateOf(due, '2026-01-20')).toBe(1);
    expect(daysLateOf(due, '2026-02-19')).toBe(31);
  });

  it('an open deadline not yet past due (its due date included): null', () => {
    expect(daysLateOf(due, '2026-01-19')).toBeNull();
    expect(daysLateOf(due, '2025-12-01')).toBeNull();
  });

  it('a cancelled deadline, or one a pending cessation has cancelled by asOf: null', () => {
    expect(daysLateOf({ ...due, cancelled: true }, '2026-06-01')).toBeNull();
    expect(daysLateOf({ ...due, cancelsOn: '2026-03-01' }, '2026-06-01')).toBeNull();
    expect(daysLateOf({ ...due, cancelsOn: '2026-03-01' }, '2026-02-19')).toBe(31);
  });
});

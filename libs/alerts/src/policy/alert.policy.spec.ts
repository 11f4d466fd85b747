import { alertScheduleOf, alertsOf, type AlertPolicyConfig } from './alert.policy';

const config: AlertPolicyConfig = { warnDays: [14, 5], localTime: '07:00' };
const open = (dueOn: string) => ({ dueOn, metOn: null, cancelled: false });
const keys = (alerts: { key: string }[]) => alerts.map((alert) => alert.key);

describe('alertsOf', () => {
  it('warns at each offset and reports the breach the day after the due date, at 07:00 London time', () => {
    expect(alertsOf('2026-04-06', config).map((a) => [a.key, a.firesOn, a.fireAt.toISOString()])).toEqual([
      // 23 March is still GMT; 1 and 7 April are BST (clocks went forward on 29 March).
      ['due_soon-14', '2026-03-23', '2026-03-23T07:00:00.000Z'],
      ['due_soon-5', '2026-04-01', '2026-04-01T06:00:00.000Z'],
      ['overdue', '2026-04-07', '2026-04-07T06:00:00.000Z'],
    ]);
  });

  it('orders warnings by date whatever the configured order, without duplicates', () => {
    expect(keys(alertsOf('2026-12-31', { warnDays: [5, 14, 5, 0], localTime: '08:30' }))).toEqual([
      'due_soon-14',
      'due_soon-5',
      'due_soon-0',
      'overdue',
    ]);
  });
});

describe('alertScheduleOf', () => {
  const dueOn = '2026-04-06';

  it('schedules every alert of a deadline far from due', () => {
    const schedule = alertScheduleOf(open(dueOn), new Date('2026-03-01T12:00:00Z'), config);
    expect(schedule.now).toBeNull();
    expect(keys(schedule.later)).toEqual(['due_soon-14', 'due_soon-5', 'overdue']);
  });

  it('fires an alert whose time has come at once', () => {
    const schedule = alertScheduleOf(open(dueOn), new Date('2026-03-23T07:00:00Z'), config);
    expect(schedule.now?.key).toBe('due_soon-14');
    expect(keys(schedule.later)).toEqual(['due_soon-5', 'overdue']);
  });

  it('does not fire before the local time on the day', () => {
    expect(alertScheduleOf(open(dueOn), new Date('2026-04-07T05:59:59Z'), config).now?.key).toBe(
      'due_soon-5',
    );
  });

  it('sends only the latest of several past alerts: an overdue deadline is never "due soon"', () => {
    const schedule = alertScheduleOf(open(dueOn), new Date('2026-05-01T00:00:00Z'), config);
    expect(schedule.now?.key).toBe('overdue');
    expect(schedule.later).toEqual([]);
  });

  it.each([
    ['met', { dueOn, metOn: '2026-03-20', cancelled: false }],
    ['met late', { dueOn, metOn: '2026-04-20', cancelled: false }],
    ['cancelled', { dueOn, metOn: null, cancelled: true }],
  ])('never alerts about a %s deadline', (_case, deadline) => {
    expect(alertScheduleOf(deadline, new Date('2026-05-01T00:00:00Z'), config)).toEqual({
      now: null,
      later: [],
    });
  });
});

import { alertScheduleOf, alertsOf, nextLocalTimeAfter, type AlertPolicyConfig } from './alert.policy';

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

// DESIGN.md, alerts: an alert whose time had already passed when the deadline became known is sent at
// the next ALERT_LOCAL_TIME after that, once the deadline is re-checked; one whose time passes while the
// deadline is known is sent as soon as possible. Due 6 April 2026: 14-day warning 23 March 07:00 GMT,
// 5-day warning 1 April 07:00 BST, overdue 7 April 07:00 BST.
describe('alertScheduleOf a deadline recorded after its alerts were due', () => {
  const dueOn = '2026-04-06';
  const knownAt = (knownSince: string) => ({ ...open(dueOn), knownSince: new Date(knownSince) });
  const sent = (alert: { key: string; sendAt: Date } | null) =>
    alert && [alert.key, alert.sendAt.toISOString()];

  it.each([
    // [case, known since, now, alert sent now, alerts still to come]
    [
      'known before every alert: each at its time',
      '2026-03-01T12:00:00Z',
      '2026-04-07T06:00:00Z',
      ['overdue', '2026-04-07T06:00:00.000Z'],
      [],
    ],
    [
      'known before the breach, the notifier a day late: sent at once',
      '2026-03-01T12:00:00Z',
      '2026-04-08T12:00:00Z',
      ['overdue', '2026-04-07T06:00:00.000Z'],
      [],
    ],
    [
      'known after the breach: nothing at once',
      '2026-04-20T10:00:00Z',
      '2026-04-20T10:00:00Z',
      null,
      [['overdue', '2026-04-21T06:00:00.000Z']],
    ],
    [
      'known after the breach: not a moment before the next 07:00',
      '2026-04-20T10:00:00Z',
      '2026-04-21T05:59:59.999Z',
      null,
      [['overdue', '2026-04-21T06:00:00.000Z']],
    ],
    [
      'known after the breach: sent at the next 07:00',
      '2026-04-20T10:00:00Z',
      '2026-04-21T06:00:00Z',
      ['overdue', '2026-04-21T06:00:00.000Z'],
      [],
    ],
    [
      'known exactly at the overdue time: on time, sent then',
      '2026-04-07T06:00:00Z',
      '2026-04-07T06:00:00Z',
      ['overdue', '2026-04-07T06:00:00.000Z'],
      [],
    ],
    [
      'known a moment after the overdue time: the next day',
      '2026-04-07T06:00:00.001Z',
      '2026-04-07T06:00:00.001Z',
      null,
      [['overdue', '2026-04-08T06:00:00.000Z']],
    ],
    [
      'known between the warnings: the missed one next morning, the others at their times',
      '2026-03-25T12:00:00Z',
      '2026-03-25T12:00:00Z',
      null,
      [
        ['due_soon-14', '2026-03-26T07:00:00.000Z'],
        ['due_soon-5', '2026-04-01T06:00:00.000Z'],
        ['overdue', '2026-04-07T06:00:00.000Z'],
      ],
    ],
    [
      'known on the due date: the missed warning falls on the overdue time, which supersedes it',
      '2026-04-06T12:00:00Z',
      '2026-04-06T12:00:00Z',
      null,
      [['overdue', '2026-04-07T06:00:00.000Z']],
    ],
  ])('%s', (_case, knownSince, now, expectedNow, expectedLater) => {
    const schedule = alertScheduleOf(knownAt(knownSince), new Date(now), config);
    expect(sent(schedule.now)).toEqual(expectedNow);
    expect(schedule.later.map(sent)).toEqual(expectedLater);
  });

  it.each([
    ['the night before clocks go forward: 07:00 BST', '2026-03-28T20:00:00Z', '2026-03-29T06:00:00.000Z'],
    ['the night before clocks go back: 07:00 GMT', '2026-10-24T20:00:00Z', '2026-10-25T07:00:00.000Z'],
    ['early on a winter morning: the same day', '2026-01-15T06:59:59Z', '2026-01-15T07:00:00.000Z'],
    ['exactly at 07:00: the next day', '2026-01-15T07:00:00Z', '2026-01-16T07:00:00.000Z'],
    ['late on a summer evening, after midnight GMT', '2026-07-15T23:30:00Z', '2026-07-16T06:00:00.000Z'],
  ])('a breach recorded %s is sent at the next 07:00 London time', (_case, knownSince, expected) => {
    const breached = { dueOn: '2025-01-06', metOn: null, cancelled: false, knownSince: new Date(knownSince) };
    const schedule = alertScheduleOf(breached, new Date(knownSince), config);
    expect(schedule.now).toBeNull();
    expect(schedule.later.map(sent)).toEqual([['overdue', expected]]);
  });

  it('never alerts about a deadline met or cancelled, whenever it became known', () => {
    for (const closed of [
      { dueOn, metOn: '2026-04-01', cancelled: false },
      { dueOn, metOn: null, cancelled: true },
    ])
      expect(
        alertScheduleOf(
          { ...closed, knownSince: new Date('2026-04-20T10:00:00Z') },
          new Date('2026-05-01'),
          config,
        ),
      ).toEqual({ now: null, later: [] });
  });
});

// (2nd ed.) DOMAIN.md "Cessation": a decision to cease dated 2026-01-10 with no appeal ceases the plan on
// 2026-03-11 (D + 2 months + 1 day); its deadlines are open before that day and cancelled from it.
describe('alertScheduleOf a deadline a pending cessation cancels (DOMAIN.md "Cessation")', () => {
  const dueOn = '2026-03-10';
  const ceasing = { ...open(dueOn), cancelsOn: '2026-03-11' };

  it('given the plan ceases on 2026-03-11, when the deadline is due 2026-03-10, then both warnings go out but no breach (it would fire on the day the plan ceases)', () => {
    const schedule = alertScheduleOf(ceasing, new Date('2026-02-01T12:00:00Z'), config);
    expect(schedule.now).toBeNull();
    expect(schedule.later.map((alert) => [alert.key, alert.firesOn])).toEqual([
      ['due_soon-14', '2026-02-24'],
      ['due_soon-5', '2026-03-05'],
    ]);
  });

  it('given the plan ceases on 2026-03-05, then only the warning dated before it is planned', () => {
    const schedule = alertScheduleOf(
      { ...ceasing, cancelsOn: '2026-03-05' },
      new Date('2026-02-01T12:00:00Z'),
      config,
    );
    expect(keys(schedule.later)).toEqual(['due_soon-14']);
  });

  it('given the deadline became known on 2026-03-10 after its warnings were due, then nothing: their send day is the day the plan ceases', () => {
    const schedule = alertScheduleOf(
      { ...ceasing, knownSince: new Date('2026-03-10T12:00:00Z') },
      new Date('2026-03-10T12:00:00Z'),
      config,
    );
    expect(schedule).toEqual({ now: null, later: [] });
  });

  it('given an overdue deadline and the day of ceasing still to come, then the breach goes out as usual', () => {
    const schedule = alertScheduleOf(
      { ...open('2026-03-01'), cancelsOn: '2026-03-11' },
      new Date('2026-03-02T12:00:00Z'),
      config,
    );
    expect(schedule.now?.key).toBe('overdue');
  });
});

describe('nextLocalTimeAfter', () => {
  it.each([
    ['2026-06-01T05:59:00Z', '07:00', '2026-06-01T06:00:00.000Z'],
    ['2026-06-01T06:00:00Z', '07:00', '2026-06-02T06:00:00.000Z'],
    ['2026-12-31T23:59:00Z', '00:00', '2027-01-01T00:00:00.000Z'],
    ['2026-03-29T00:30:00Z', '01:30', '2026-03-29T01:30:00.000Z'],
  ])('after %s, %s London is %s', (instant, time, expected) => {
    expect(nextLocalTimeAfter(new Date(instant), time).toISOString()).toBe(expected);
  });
});

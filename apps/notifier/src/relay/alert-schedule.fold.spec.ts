import { NOTHING_SCHEDULED, scheduleOf, type OutboxRow, type Scheduled } from './alert-schedule.fold';

// DESIGN.md: a deadline becomes known when the projection writes the outbox row that opens it, moves it
// or reopens it; alerts already due by then wait for the next ALERT_LOCAL_TIME. The relay folds the rows
// it reads into alert_schedule, whatever order and batches two notifiers read them in.
const at = (time: string) => new Date(`2026-03-02T${time}Z`);
const row = (id: number, dueOn: string, time: string, open = true): OutboxRow => ({
  id: String(id),
  deadlineId: 'case-1/final_plan',
  dueOn,
  open,
  createdAt: at(time),
});
const openOn = (dueOn: string) => ({ dueOn, metOn: null, cancelled: false });
const scheduled = (dueOn: string | null, time: string | null, outboxId: number): Scheduled => ({
  dueOn,
  knownSince: time === null ? null : at(time),
  outboxId: String(outboxId),
});

describe('scheduleOf: when the due date of a deadline became known', () => {
  it.each([
    [
      'opened: known when its row was written',
      NOTHING_SCHEDULED,
      [row(1, '2025-05-26', '09:00:00')],
      openOn('2025-05-26'),
      scheduled('2025-05-26', '09:00:00', 1),
    ],
    [
      'an exception changes nothing about the due date: still known since it opened',
      scheduled('2025-05-26', '09:00:00', 1),
      [row(2, '2025-05-26', '09:00:05')],
      openOn('2025-05-26'),
      scheduled('2025-05-26', '09:00:00', 2),
    ],
    [
      'moved: known from the move',
      scheduled('2025-05-26', '09:00:00', 1),
      [row(2, '2025-06-02', '09:00:05')],
      openOn('2025-06-02'),
      scheduled('2025-06-02', '09:00:05', 2),
    ],
    [
      'met, then reopened by a correction: known again from the reopening',
      scheduled('2025-05-26', '09:00:00', 1),
      [row(2, '2025-05-26', '09:00:05', false), row(3, '2025-05-26', '09:00:09')],
      openOn('2025-05-26'),
      scheduled('2025-05-26', '09:00:09', 3),
    ],
    [
      'met: nothing scheduled',
      scheduled('2025-05-26', '09:00:00', 1),
      [row(2, '2025-05-26', '09:00:05', false)],
      { dueOn: '2025-05-26', metOn: '2025-05-20', cancelled: false },
      scheduled(null, null, 2),
    ],
    [
      'a row relayed after a later one (two notifiers) changes nothing',
      scheduled('2025-06-02', '09:00:05', 2),
      [row(1, '2025-05-26', '09:00:00')],
      openOn('2025-06-02'),
      scheduled('2025-06-02', '09:00:05', 2),
    ],
    [
      'a due date no row read yet explains: left to the relay of that row',
      scheduled('2025-05-26', '09:00:00', 1),
      [row(2, '2025-06-02', '09:00:05')],
      openOn('2025-06-09'),
      scheduled(null, null, 2),
    ],
    [
      'scheduled before the rule existed (no known_since): known for ever, as then',
      { dueOn: '2025-05-26', knownSince: null, outboxId: null },
      [row(7, '2025-05-26', '09:00:00')],
      openOn('2025-05-26'),
      scheduled('2025-05-26', null, 7),
    ],
  ])('%s', (_case, before, rows, deadline, expected) => {
    expect(scheduleOf(before, rows, deadline)).toEqual(expected);
  });

  it('schedules nothing for a deadline gone from the read model', () => {
    expect(
      scheduleOf(scheduled('2025-05-26', '09:00:00', 1), [row(2, '2025-05-26', '09:00:05')], undefined),
    ).toEqual(scheduled(null, null, 2));
  });
});

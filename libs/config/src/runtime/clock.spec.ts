import { ManualClock, SystemClock } from './clock';

describe('Clock', () => {
  it("reads today as London's date, whatever the server's zone", () => {
    expect(new ManualClock('2026-06-30T23:30:00Z').today()).toBe('2026-07-01');
    expect(new ManualClock('2026-12-31T23:30:00Z').today()).toBe('2026-12-31');
  });

  it('SystemClock tells the time', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});

describe('ManualClock', () => {
  it('stands still until set or advanced', () => {
    const clock = new ManualClock('2026-01-15T07:00:00Z');
    expect(clock.now().toISOString()).toBe('2026-01-15T07:00:00.000Z');
    clock.advance(90_000);
    expect(clock.now().toISOString()).toBe('2026-01-15T07:01:30.000Z');
    clock.set(new Date('2026-03-01T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });

  it('on(date): noon UTC, the same date in London in winter and summer', () => {
    expect(ManualClock.on('2026-01-15').now().toISOString()).toBe('2026-01-15T12:00:00.000Z');
    expect(ManualClock.on('2026-07-15').today()).toBe('2026-07-15');
  });

  it('hands out copies: a caller cannot move it by mutating the Date', () => {
    const clock = ManualClock.on('2026-01-15');
    clock.now().setFullYear(2000);
    expect(clock.today()).toBe('2026-01-15');
  });
});

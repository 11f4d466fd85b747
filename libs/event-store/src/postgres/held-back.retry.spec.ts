import { HELD_BACK_RETRY_MAX_MS, HELD_BACK_RETRY_MS, nextHeldBackRetry } from './held-back.retry';

describe('a live reader re-reading while commits are held back', () => {
  it('with nothing held back, waits for a notification (or its poll interval)', () => {
    expect(nextHeldBackRetry(0, false, false)).toBe(0);
    expect(nextHeldBackRetry(40, true, false)).toBe(0);
  });

  it('with commits held back, re-reads soon and backs off to at most 50 ms, however long it lasts', () => {
    const delays: number[] = [];
    let delay = 0;
    for (let read = 0; read < 12; read += 1) {
      delay = nextHeldBackRetry(delay, false, true);
      delays.push(delay);
    }
    expect(delays.slice(0, 6)).toEqual([HELD_BACK_RETRY_MS, 4, 8, 16, 32, HELD_BACK_RETRY_MAX_MS]);
    expect(Math.max(...delays)).toBe(HELD_BACK_RETRY_MAX_MS);
  });

  it('after reading something while more is held back, starts again from the shortest delay', () => {
    expect(nextHeldBackRetry(HELD_BACK_RETRY_MAX_MS, true, true)).toBe(HELD_BACK_RETRY_MS);
  });
});

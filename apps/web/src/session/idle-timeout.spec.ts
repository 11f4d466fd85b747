import { isIdleExpired } from './idle-timeout';

describe('isIdleExpired', () => {
  const start = Date.parse('2025-01-06T09:00:00Z');

  it('keeps a session used within the timeout', () => {
    expect(isIdleExpired(start, start + 30 * 60_000, 30)).toBe(false);
  });

  it('ends a session idle for longer than the timeout', () => {
    expect(isIdleExpired(start, start + 30 * 60_000 + 1, 30)).toBe(true);
  });

  it('a session not yet used has nothing to time out', () => {
    expect(isIdleExpired(undefined, start, 30)).toBe(false);
  });
});

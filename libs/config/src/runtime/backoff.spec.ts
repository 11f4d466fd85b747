import { backoffMs } from './backoff';

describe('backoffMs', () => {
  afterEach(() => jest.restoreAllMocks());

  it('starts at the base and doubles each attempt', () => {
    const policy = { baseMs: 100, maxMs: 60_000 };
    expect([1, 2, 3, 4, 5].map((attempt) => backoffMs(attempt, policy))).toEqual([100, 200, 400, 800, 1600]);
  });

  it('never exceeds the maximum', () => {
    expect(backoffMs(10, { baseMs: 500, maxMs: 30_000 })).toBe(30_000);
    expect(backoffMs(1_000, { baseMs: 100, maxMs: 50 })).toBe(50);
  });

  it('treats attempt 0 (nothing failed yet) as the first', () => {
    expect(backoffMs(0, { baseMs: 1_000, maxMs: 30_000 })).toBe(1_000);
  });

  it('with full jitter, draws a whole number of ms between 0 and the exponential delay', () => {
    const policy = { baseMs: 100, maxMs: 5_000, jitter: true };
    jest.spyOn(Math, 'random').mockReturnValue(0);
    expect(backoffMs(3, policy)).toBe(0);
    jest.spyOn(Math, 'random').mockReturnValue(0.999_999);
    expect(backoffMs(3, policy)).toBe(400);
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
    expect(backoffMs(20, policy)).toBe(2_500);
  });

  it('spreads jittered retries apart', () => {
    const delays = Array.from({ length: 50 }, () =>
      backoffMs(5, { baseMs: 100, maxMs: 5_000, jitter: true }),
    );
    expect(new Set(delays).size).toBeGreaterThan(1);
    for (const delay of delays) {
      expect(Number.isInteger(delay)).toBe(true);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(1_600);
    }
  });
});

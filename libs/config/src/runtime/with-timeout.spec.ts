import { withTimeout } from './with-timeout';

class StoreTimeout extends Error {}

describe('withTimeout', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const never = () => new Promise<never>(() => undefined);

  it('settles as the promise does when it is in time', async () => {
    await expect(withTimeout(Promise.resolve(42), 1_000, 'Redis')).resolves.toBe(42);
    await expect(withTimeout(Promise.reject(new Error('refused')), 1_000, 'Redis')).rejects.toThrow(
      'refused',
    );
  });

  it('rejects after `ms` naming what did not answer', async () => {
    const answer = withTimeout(never(), 1_000, 'Redis');
    jest.advanceTimersByTime(1_000);
    await expect(answer).rejects.toThrow('Redis did not answer within 1000 ms');
  });

  it("rejects with the caller's own error when given one", async () => {
    const answer = withTimeout(never(), 50, () => new StoreTimeout('append'));
    jest.advanceTimersByTime(50);
    await expect(answer).rejects.toBeInstanceOf(StoreTimeout);
  });

  it('leaves no timer behind once settled', async () => {
    await withTimeout(Promise.resolve(), 60_000, 'Redis');
    expect(jest.getTimerCount()).toBe(0);
  });
});

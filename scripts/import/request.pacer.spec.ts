import { RequestPacer } from './request.pacer';

/** When each of `count` slots is given, in ms from the start (fake timers: no real waiting). */
async function slotTimes(pacer: RequestPacer, count: number): Promise<number[]> {
  const start = Date.now();
  const times: number[] = [];
  const slots = Array.from({ length: count }, () => pacer.slot().then(() => times.push(Date.now() - start)));
  await jest.runAllTimersAsync();
  await Promise.all(slots);
  return times;
}

describe('the import pacing its requests under the api rate limit', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  /** Each slot `interval` ms after the one before (to the ms: timers fire on whole ms). */
  const expectSpaced = (times: number[], interval: number) =>
    times.forEach((at, i) => expect(Math.abs(at - i * interval)).toBeLessThanOrEqual(1));

  it("spaces requests evenly at 90% of the budget of the api's window, whatever its length", async () => {
    // 90% of 10 in 3 s: 9 requests a window, one every 333 ms.
    expectSpaced(await slotTimes(new RequestPacer({ perWindow: 10, windowSeconds: 3 }), 10), 1000 / 3);
  });

  it('a minute-long window of 600: nine requests a second', async () => {
    expectSpaced(await slotTimes(new RequestPacer({ perWindow: 600, windowSeconds: 60 }), 10), 1000 / 9);
  });
});

import { Logger } from '@nestjs/common';
import { CoalescedNotifySender } from './coalesced-notify.sender';

const SPACING_MS = 2;

/** A NOTIFY round trip the test ends when it chooses; `started` is each one's start (fake clock). */
class ControlledSends {
  readonly started: number[] = [];
  private readonly endings: { resolve: () => void; reject: (error: Error) => void }[] = [];

  readonly send = () =>
    new Promise<void>((resolve, reject) => {
      this.started.push(Date.now());
      this.endings.push({ resolve, reject });
    });

  async answer(index: number, error?: Error): Promise<void> {
    if (error) this.endings[index].reject(error);
    else this.endings[index].resolve();
    await jest.advanceTimersByTimeAsync(0);
  }
}

describe('NOTIFYs after overlapping appends', () => {
  let sends: ControlledSends;
  let sender: CoalescedNotifySender;

  beforeEach(() => {
    jest.useFakeTimers({ now: 1_000 });
    sends = new ControlledSends();
    sender = new CoalescedNotifySender(sends.send, 'es_events', SPACING_MS);
  });
  afterEach(() => jest.useRealTimers());

  it('given none in flight, when an append commits, then one NOTIFY goes at once', () => {
    sender.notify();
    expect(sends.started).toEqual([1_000]);
  });

  it('given one in flight, when appends commit meanwhile, then exactly one more follows, spaced from the first', async () => {
    sender.notify();
    sender.notify();
    sender.notify();
    await jest.advanceTimersByTimeAsync(1);
    await sends.answer(0);
    expect(sends.started).toEqual([1_000]);
    await jest.advanceTimersByTimeAsync(SPACING_MS - 1);
    expect(sends.started).toEqual([1_000, 1_000 + SPACING_MS]);
    await sends.answer(1);
    await jest.advanceTimersByTimeAsync(10 * SPACING_MS);
    expect(sends.started).toHaveLength(2);
    await sender.drain();
  });

  it('given one in flight longer than the spacing, when an append commits meanwhile, then the next goes as it ends', async () => {
    sender.notify();
    sender.notify();
    await jest.advanceTimersByTimeAsync(3 * SPACING_MS);
    await sends.answer(0);
    expect(sends.started).toEqual([1_000, 1_000 + 3 * SPACING_MS]);
  });

  it('given none pending, when the NOTIFY in flight ends, then the next append notifies at once', async () => {
    sender.notify();
    await sends.answer(0);
    await sender.drain();
    sender.notify();
    expect(sends.started).toEqual([1_000, 1_000]);
  });

  it('given a NOTIFY that fails, then it is only logged, and the next append notifies again', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      sender.notify();
      await sends.answer(0, new Error('connection lost'));
      await sender.drain();
      expect(warn).toHaveBeenCalledWith('NOTIFY es_events failed: connection lost');
      sender.notify();
      expect(sends.started).toHaveLength(2);
    } finally {
      warn.mockRestore();
    }
  });
});

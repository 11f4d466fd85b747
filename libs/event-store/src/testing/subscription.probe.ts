import type { EventStore, RecordedEvent, SubscribeToAllOptions, SubscriptionItem } from '../event-store.port';

/** Consumes a subscription in the background so a test can wait for what it should have delivered. */
export class SubscriptionProbe {
  readonly items: SubscriptionItem[] = [];
  private readonly controller = new AbortController();
  private readonly listeners = new Set<() => void>();
  private failure: unknown;
  private readonly consuming: Promise<void>;

  constructor(store: EventStore, options: Omit<SubscribeToAllOptions, 'signal'> = {}) {
    this.consuming = this.consume(store, options);
  }

  get events(): RecordedEvent[] {
    return this.items.flatMap((item) => (item.kind === 'event' ? [item.event] : []));
  }

  get caughtUp(): boolean {
    return this.items.some((item) => item.kind === 'caughtUp');
  }

  /** Resolves once `condition` holds; fails the test with `what` after `timeoutMs`. */
  waitUntil(condition: (probe: this) => boolean, what: string, timeoutMs = 5000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.failure) finish(() => reject(this.failure));
        else if (condition(this)) finish(resolve);
      };
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        settle();
      };
      const timer = setTimeout(
        () =>
          finish(() =>
            reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; got ${this.describe()}`)),
          ),
        timeoutMs,
      );
      this.listeners.add(check);
      check();
    });
  }

  waitForEvents(count: number, timeoutMs?: number): Promise<void> {
    return this.waitUntil((probe) => probe.events.length >= count, `${count} events`, timeoutMs);
  }

  waitForCaughtUp(timeoutMs?: number): Promise<void> {
    return this.waitUntil((probe) => probe.caughtUp, 'caughtUp', timeoutMs);
  }

  /** What was delivered, e.g. `[B1, caughtUp]`, for failure messages. */
  describe(): string {
    return `[${this.items.map((item) => (item.kind === 'event' ? item.event.type : item.kind)).join(', ')}]`;
  }

  async stop(): Promise<void> {
    this.controller.abort();
    await this.consuming;
    if (this.failure) throw this.failure;
  }

  private async consume(store: EventStore, options: Omit<SubscribeToAllOptions, 'signal'>): Promise<void> {
    try {
      for await (const item of store.subscribeToAll({ ...options, signal: this.controller.signal })) {
        this.items.push(item);
        for (const listener of [...this.listeners]) listener();
      }
    } catch (error) {
      // Kept, not swallowed: waitUntil and stop() rethrow it in the test.
      this.failure = error;
      for (const listener of [...this.listeners]) listener();
    }
  }
}

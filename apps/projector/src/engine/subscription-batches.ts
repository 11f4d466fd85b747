import type { RecordedEvent, SubscriptionItem } from '@ehcp/event-store';

export interface EventBatch {
  readonly events: readonly RecordedEvent[];
  /** The subscription reported it had delivered everything that existed. */
  readonly caughtUp: boolean;
}

const IDLE = Symbol('idle');

/**
 * Groups a subscription's events into batches of up to `maxSize`. A batch also ends when no further
 * event arrives within `idleMs` (live events are applied at once, not when a batch fills) and at the
 * caught-up signal.
 */
export async function* subscriptionBatches(
  items: AsyncIterable<SubscriptionItem>,
  maxSize: number,
  idleMs: number,
): AsyncGenerator<EventBatch> {
  const iterator = items[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<SubscriptionItem>> | undefined;
  let events: RecordedEvent[] = [];
  try {
    for (;;) {
      pending ??= iterator.next();
      const next = events.length === 0 ? await pending : await orIdle(pending, idleMs);
      if (next === IDLE) {
        yield { events, caughtUp: false };
        events = [];
        continue;
      }
      pending = undefined;
      if (next.done) {
        if (events.length > 0) yield { events, caughtUp: false };
        return;
      }
      if (next.value.kind === 'caughtUp') {
        yield { events, caughtUp: true };
        events = [];
        continue;
      }
      events.push(next.value.event);
      if (events.length >= maxSize) {
        yield { events, caughtUp: false };
        events = [];
      }
    }
  } finally {
    // Without a read in flight the subscription closes now; with one, it ends on its abort signal,
    // and the abandoned read must not surface as an unhandled rejection.
    if (pending) pending.catch(() => undefined);
    else await iterator.return?.();
  }
}

function orIdle<T>(promise: Promise<T>, ms: number): Promise<T | typeof IDLE> {
  let timer: NodeJS.Timeout | undefined;
  const idle = new Promise<typeof IDLE>((resolve) => (timer = setTimeout(() => resolve(IDLE), ms)));
  return Promise.race([promise, idle]).finally(() => clearTimeout(timer));
}

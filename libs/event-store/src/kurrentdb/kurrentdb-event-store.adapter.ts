import { Logger } from '@nestjs/common';
import {
  ANY,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  KurrentDBClient,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  streamNameFilter,
  WrongExpectedVersionError,
  type AppendStreamState,
  type CurrentStreamState,
  type Filter,
  type Position,
  type RecordedEvent as KurrentRecordedEvent,
} from '@kurrent/kurrentdb-client';
import { EventStoreTimeout, WrongExpectedVersion } from '../event-store.errors';
import {
  EventStore,
  type ActualRevision,
  type AppendOptions,
  type AppendResult,
  type ExpectedRevision,
  type JsonObject,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamFilter,
  type SubscribeToAllOptions,
  type SubscriptionItem,
} from '../event-store.port';
import { compareEncodedPositions, decodePosition, encodePosition } from '../position.codec';
import { backoffMs, sleep, withTimeout } from '@ehcp/config';

export interface KurrentDbEventStoreOptions {
  /** e.g. `kurrentdb://host:2113?tls=false` (EVENTSTORE_URL). */
  readonly connectionString: string;
  /** Application-level deadline of every call (default 5000 ms). */
  readonly callTimeoutMs?: number;
  /** Events per read round trip (default 500). */
  readonly pageSize?: number;
  /** Consecutive failed (re)subscriptions before a subscription throws (default 10). */
  readonly maxResubscribeAttempts?: number;
}

/** A user stream nobody writes: reading it answers "not found" when the server is up. */
const READINESS_PROBE_STREAM = 'ehcp-readiness-probe';

/**
 * EventStoreDB / KurrentDB through @kurrent/kurrentdb-client. Every call has an application-level
 * timeout (the client can hang on a peer that never answers, STACK.md); reads are paged with
 * `maxCount`; subscriptions resubscribe from the last delivered position, with backoff.
 */
export class KurrentDbEventStore extends EventStore {
  private readonly logger = new Logger(KurrentDbEventStore.name);
  private readonly client: KurrentDBClient;
  private readonly callTimeoutMs: number;
  private readonly pageSize: number;
  private readonly maxResubscribeAttempts: number;
  /** Aborts every subscription on close(). */
  private readonly closing = new AbortController();

  constructor(options: KurrentDbEventStoreOptions) {
    super();
    this.client = KurrentDBClient.connectionString(options.connectionString);
    this.callTimeoutMs = options.callTimeoutMs ?? 5000;
    this.pageSize = options.pageSize ?? 500;
    this.maxResubscribeAttempts = options.maxResubscribeAttempts ?? 10;
  }

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    // An empty append would succeed here but not in PostgreSQL: keep the adapters alike.
    if (events.length === 0) throw new RangeError('appendToStream needs at least one event');
    const call = this.client.appendToStream(
      streamName,
      events.map(({ id, type, data, metadata }) => jsonEvent({ id, type, data, metadata })),
      // `streamState`, never `expectedRevision`: the latter is silently ignored (STACK.md).
      { streamState: toStreamState(options.expectedRevision), deadline: this.callTimeoutMs },
    );
    const result = await withTimeout(
      call,
      this.callTimeoutMs,
      () => new EventStoreTimeout('append', this.callTimeoutMs),
    ).catch((error: unknown) => {
      if (error instanceof WrongExpectedVersionError) {
        throw new WrongExpectedVersion(streamName, options.expectedRevision, toActual(error.actualState));
      }
      throw error;
    });
    return {
      nextExpectedRevision: result.nextExpectedRevision,
      position: encodeKurrentPosition(result.position),
    };
  }

  async *readStream(streamName: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const pageSize = options.pageSize ?? this.pageSize;
    let from = options.fromRevision ?? 0n;
    for (;;) {
      const page = await this.readStreamPage(streamName, from, pageSize);
      for (const event of page) yield event;
      if (page.length < pageSize) return;
      from = page[page.length - 1].revision + 1n;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const pageSize = options.pageSize ?? this.pageSize;
    let cursor = options.from;
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      const limit = Math.min(pageSize, remaining);
      // Reads start AT a position (inclusive): ask for one more and drop the checkpoint itself.
      const requested = cursor === undefined ? limit : limit + 1;
      const page = await this.collectPage(
        'readAll',
        this.client.readAll({
          fromPosition: cursor === undefined ? START : toKurrentPosition(cursor),
          maxCount: requested,
          direction: FORWARDS,
          filter: toKurrentFilter(options.filter),
          deadline: this.callTimeoutMs,
        }),
      );
      const after = cursor;
      const fresh = page.filter(
        (event) => after === undefined || compareEncodedPositions(event.position, after) > 0,
      );
      for (const event of fresh.slice(0, limit)) {
        cursor = event.position;
        remaining -= 1;
        yield event;
      }
      if (page.length < requested) return;
    }
  }

  /** Catch-up by paged reads, `caughtUp`, then a live subscription from the last delivered position. */
  async *subscribeToAll(options: SubscribeToAllOptions = {}): AsyncIterable<SubscriptionItem> {
    const signal = options.signal
      ? AbortSignal.any([options.signal, this.closing.signal])
      : this.closing.signal;
    let cursor = options.from;
    let caughtUp = false;
    let failures = 0;
    while (!signal.aborted) {
      try {
        if (!caughtUp) {
          for await (const event of this.readAll({
            from: cursor,
            filter: options.filter,
            pageSize: options.pageSize,
          })) {
            yield { kind: 'event', event };
            cursor = event.position;
            failures = 0;
          }
          caughtUp = true;
          yield { kind: 'caughtUp', position: cursor };
        }
        for await (const event of this.live(cursor, options.filter, signal)) {
          yield { kind: 'event', event };
          cursor = event.position;
          failures = 0;
        }
      } catch (error) {
        if (signal.aborted) return;
        failures += 1;
        if (failures > this.maxResubscribeAttempts) throw error;
        this.logger.warn(
          `subscription dropped (attempt ${failures}), resubscribing: ${(error as Error).message}`,
        );
        await sleep(backoffMs(failures, { baseMs: 200, maxMs: 10_000, jitter: true }), signal);
      }
    }
  }

  comparePositions(a: string, b: string): number {
    return compareEncodedPositions(a, b);
  }

  async ping(): Promise<void> {
    await this.readStreamPage(READINESS_PROBE_STREAM, 0n, 1);
  }

  async close(): Promise<void> {
    this.closing.abort();
    await this.client.dispose();
  }

  private async readStreamPage(streamName: string, from: bigint, pageSize: number): Promise<RecordedEvent[]> {
    const read = this.client.readStream(streamName, {
      fromRevision: from,
      maxCount: pageSize,
      direction: FORWARDS,
      deadline: this.callTimeoutMs,
    });
    return this.collectPage('readStream', read).catch((error: unknown) => {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    });
  }

  /** One page, bounded by `maxCount`, within the call deadline. */
  private collectPage(
    operation: string,
    read: AsyncIterable<{ event?: KurrentRecordedEvent }>,
  ): Promise<RecordedEvent[]> {
    const drain = async () => {
      const events: RecordedEvent[] = [];
      for await (const resolved of read) if (resolved.event) events.push(toRecordedEvent(resolved.event));
      return events;
    };
    return withTimeout(
      drain(),
      this.callTimeoutMs,
      () => new EventStoreTimeout(operation, this.callTimeoutMs),
    );
  }

  /** A live subscription, consumed with `for await` so a slow consumer holds the server back. */
  private async *live(cursor: string | undefined, filter: StreamFilter | undefined, signal: AbortSignal) {
    const subscription = this.client.subscribeToAll({
      // Exclusive for subscriptions: the event at the cursor is not delivered again.
      fromPosition: cursor === undefined ? START : toKurrentPosition(cursor),
      filter: toKurrentFilter(filter),
    });
    const stop = () => subscription.destroy();
    signal.addEventListener('abort', stop, { once: true });
    try {
      for await (const resolved of subscription) {
        if (resolved.event) yield toRecordedEvent(resolved.event);
      }
    } finally {
      signal.removeEventListener('abort', stop);
      await subscription.unsubscribe();
    }
  }
}

function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return expected;
  }
}

function toActual(state: CurrentStreamState): ActualRevision {
  return typeof state === 'bigint' ? state : 'no_stream';
}

/** System streams ($...) are never the application's: without a prefix filter, leave them out. */
function toKurrentFilter(filter: StreamFilter | undefined): Filter {
  return filter ? streamNameFilter({ prefixes: [...filter.streamPrefixes] }) : excludeSystemEvents();
}

function encodeKurrentPosition(position: Position | undefined): string {
  if (!position)
    throw new Error('KurrentDB returned no position: the server is older than this adapter supports');
  return encodePosition({ major: position.commit, minor: position.prepare });
}

function toKurrentPosition(position: string): Position {
  const { major, minor } = decodePosition(position);
  return { commit: major, prepare: minor };
}

function toRecordedEvent(event: KurrentRecordedEvent): RecordedEvent {
  return {
    streamName: event.streamId,
    revision: event.revision,
    id: event.id,
    type: event.type,
    data: jsonObjectOf(event.data, `data of event ${event.id}`),
    metadata:
      event.metadata === undefined ? {} : jsonObjectOf(event.metadata, `metadata of event ${event.id}`),
    position: encodeKurrentPosition(event.position),
    recordedAt: event.created,
  };
}

/** This application only writes JSON objects; anything else is not one of its events. */
function jsonObjectOf(value: unknown, what: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Uint8Array) {
    throw new TypeError(`KurrentDB ${what} is not a JSON object`);
  }
  return value as JsonObject;
}

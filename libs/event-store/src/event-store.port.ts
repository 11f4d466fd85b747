/** A JSON object, as stored in an event's `data` and `metadata`. */
export type JsonObject = { [key: string]: unknown };

/** `bigint`: the stream's last revision must be exactly this (0-based). */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** Where a stream really is: its last revision, or absent. */
export type ActualRevision = 'no_stream' | bigint;

export interface NewEvent {
  /** A UUID; re-appending the same ids at the same expected revision writes nothing. */
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
}

export interface RecordedEvent {
  readonly streamName: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  /** Opaque; compare only with the store's `comparePositions`. */
  readonly position: string;
  readonly recordedAt: Date;
}

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  /** The stream's revision after the append: pass it as `expectedRevision` next time. */
  readonly nextExpectedRevision: bigint;
  /** The position of the last event written: a read-your-writes token. */
  readonly position: string;
}

export interface ReadStreamOptions {
  /** Inclusive; defaults to the first event (0). */
  readonly fromRevision?: bigint;
  /** Events fetched per round trip; at most this many are held in memory. */
  readonly pageSize?: number;
}

export interface StreamFilter {
  /** Only streams whose name starts with one of these. */
  readonly streamPrefixes: readonly string[];
}

export interface ReadAllOptions {
  /** Exclusive: a position a previous read or subscription delivered. Omitted: from the start. */
  readonly from?: string;
  readonly filter?: StreamFilter;
  /** Stop after this many events (a batch); omitted: read to the current end. */
  readonly maxCount?: number;
  readonly pageSize?: number;
}

export interface SubscribeToAllOptions {
  /** Exclusive checkpoint, as for `readAll`. */
  readonly from?: string;
  readonly filter?: StreamFilter;
  /** Ends the subscription; breaking out of the `for await` loop ends it too. */
  readonly signal?: AbortSignal;
  readonly pageSize?: number;
}

/**
 * What a subscription yields, in log order. `caughtUp` comes once, after the history that existed when
 * the subscription started; live events follow. Its `position`, when present, is a safe checkpoint
 * (everything up to it was delivered or filtered out).
 */
export type SubscriptionItem =
  | { readonly kind: 'event'; readonly event: RecordedEvent }
  | { readonly kind: 'caughtUp'; readonly position?: string };

/**
 * The event store port, with EventStoreDB semantics. An abstract class so it can be a Nest injection
 * token. Adapters: PostgresEventStore (default), KurrentDbEventStore; EncryptedEventStore wraps either.
 */
export abstract class EventStore {
  /** Appends atomically; throws WrongExpectedVersion when the stream is not at `expectedRevision`. */
  abstract appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult>;

  /** The stream's events in revision order, fetched page by page; a missing stream yields nothing. */
  abstract readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;

  /** The global log in the order subscribers see it, fetched page by page. */
  abstract readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;

  /** Catch-up then live; see SubscriptionItem. */
  abstract subscribeToAll(options?: SubscribeToAllOptions): AsyncIterable<SubscriptionItem>;

  /** Negative, zero or positive as `a` is before, at or after `b` in the global log. */
  abstract comparePositions(a: string, b: string): number;

  /** Resolves when the store answers; rejects (within a bounded time) when it does not. */
  abstract ping(): Promise<void>;

  /** Releases connections; subscriptions end. */
  abstract close(): Promise<void>;

  /** Read-your-writes: has a reader at `position` seen everything up to `min`? */
  isAtOrAfter(position: string, min: string): boolean {
    return this.comparePositions(position, min) >= 0;
  }
}

import { Logger } from '@nestjs/common';
import { DatabaseError, Pool, type PoolClient } from 'pg';
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
import {
  comparePositionPairs,
  compareEncodedPositions,
  decodePosition,
  encodePosition,
  type PositionPair,
} from '../position.codec';
import { backoffMs, sleep, withTimeout } from '@ehcp/config';
import { nextHeldBackRetry } from './held-back.retry';
import type { WrappedDataKey } from '../personal-data/master-key-ring';
import { CoalescedNotifySender } from './coalesced-notify.sender';
import { EVENT_STORE_MIGRATIONS } from './event-store.migrations';
import { PostgresNotificationListener } from './postgres-notification.listener';
import { runSchemaMigrations } from './schema-migration.runner';
import {
  singleEventAppend,
  singleEventOpeningWithKey,
  STREAM_KEY_CONSTRAINT,
  type SingleEventAppendRow,
} from './single-event-append.statement';
import { FAST_TIMESTAMP_TYPES } from './timestamp.parser';

export interface PostgresEventStoreOptions {
  /** The store opens (and on close ends) its own pool... */
  readonly connectionString?: string;
  /** ...or uses the caller's, which the caller ends. */
  readonly pool?: Pool;
  /** Rows per read round trip (default 500). */
  readonly pageSize?: number;
  /** Live subscribers re-read this often even without a notification (default 1000 ms). */
  readonly pollIntervalMs?: number;
  /** Consecutive failed reads a subscription survives before it throws (default 5). */
  readonly maxSubscriptionRetries?: number;
  readonly pingTimeoutMs?: number;
  /**
   * How long a one-shot `readAll` waits for commits held back by a transaction still open elsewhere on
   * the server (default 30 s); past it, it ends with what is visible and logs a warning.
   */
  readonly readAllSettleMs?: number;
}

/** NOTIFY channel; per database, like the tables. */
const CHANNEL = 'es_events';
/** Overlapping appends' NOTIFYs start at least this far apart (see CoalescedNotifySender). */
const NOTIFY_SPACING_MS = 2;
/** es_append's SQLSTATE for a stream not at the expected revision; the detail is its actual revision. */
const WRONG_EXPECTED_REVISION = 'ES409';
/** es_append_with_new_key's SQLSTATE for a stream that already has a personal-data key. */
const KEY_EXISTS = 'ES412';
/** The plain-SQL opening's sign of the same (on STREAM_KEY_CONSTRAINT). */
const UNIQUE_VIOLATION = '23505';
/** Before any real position: transaction ids and the identity both start above zero. */
const LOG_START: PositionPair = { major: 0n, minor: 0n };

interface EventRow {
  /** `transaction_id.global_position`, built by the query: the encoded position, with no string work per event here. */
  position: string;
  stream_id: string;
  stream_revision: string;
  event_id: string;
  event_type: string;
  data: JsonObject;
  metadata: JsonObject;
  created_at: Date;
}

/** A page row; the event columns are null when the page is empty (the row then only carries the horizon). */
type LogRow = EventRow & {
  horizon_transaction_id: string | null;
  horizon_global_position: string | null;
  held_back: boolean;
};

interface LogPage {
  readonly events: EventRow[];
  readonly horizon: PositionPair;
  /** Committed events exist past the watermark: an older transaction still hides them. */
  readonly heldBack: boolean;
}

/**
 * The PostgreSQL event store: Emmett's transaction-id watermark design (DESIGN.md). Global order is
 * (transaction_id, global_position), and readers only pass transactions older than every transaction
 * still running, so a transaction that commits late is delivered after, never skipped.
 */
export class PostgresEventStore extends EventStore {
  private readonly logger = new Logger(PostgresEventStore.name);
  private readonly listener: PostgresNotificationListener;
  private readonly notifier: CoalescedNotifySender;
  private readonly pageSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxSubscriptionRetries: number;
  private readonly pingTimeoutMs: number;
  private readonly readAllSettleMs: number;
  private closed = false;
  /** Appends of this store awaiting their statement: more than one means they overlap. */
  private appending = 0;

  private constructor(
    private readonly pool: Pool,
    private readonly ownsPool: boolean,
    options: PostgresEventStoreOptions,
  ) {
    super();
    this.pageSize = options.pageSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.maxSubscriptionRetries = options.maxSubscriptionRetries ?? 5;
    this.pingTimeoutMs = options.pingTimeoutMs ?? 2000;
    this.readAllSettleMs = options.readAllSettleMs ?? 30_000;
    this.listener = new PostgresNotificationListener(pool.options, CHANNEL);
    this.notifier = new CoalescedNotifySender(
      () => pool.query('select pg_notify($1, $2)', [CHANNEL, '']),
      CHANNEL,
      NOTIFY_SPACING_MS,
    );
  }

  /** Opens the store and brings its schema up to date (safe when several processes start at once). */
  static async create(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const pool = options.pool ?? new Pool({ connectionString: options.connectionString });
    const store = new PostgresEventStore(pool, !options.pool, options);
    if (!options.pool) {
      // An idle pooled connection that breaks emits 'error'; unhandled, it would end the process.
      pool.on('error', (error) => store.logger.warn(`idle PostgreSQL connection failed: ${error.message}`));
    }
    await runSchemaMigrations(pool, 'event-store', EVENT_STORE_MIGRATIONS);
    return store;
  }

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    return this.notifying((channel) =>
      appendWith(this.pool, streamName, events, options.expectedRevision, channel),
    );
  }

  /**
   * Opens a stream (as `no_stream`) and stores its personal-data key in the same statement
   * (es_append_with_new_key, personal-data migration 3): for EncryptedEventStore when the keys live in
   * this store's database. Undefined, with nothing written, when the stream already has a key.
   */
  async appendOpeningWithKey(
    streamName: string,
    events: readonly NewEvent[],
    key: WrappedDataKey,
  ): Promise<AppendResult | undefined> {
    return this.notifying((channel) => appendWith(this.pool, streamName, events, 'no_stream', channel, key));
  }

  /**
   * Alone, an append carries its own NOTIFY: no extra round trip, and nobody queues behind it on the
   * lock a notifying commit takes. Overlapping appends leave it to one NOTIFY after their commits.
   */
  private async notifying<T>(append: (notifyChannel: string | null) => Promise<T>): Promise<T> {
    const alone = this.appending === 0;
    this.appending += 1;
    try {
      const result = await append(alone ? CHANNEL : null);
      if (!alone) this.notifier.notify();
      return result;
    } finally {
      this.appending -= 1;
    }
  }

  async *readStream(streamName: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const pageSize = options.pageSize ?? this.pageSize;
    let from = options.fromRevision ?? 0n;
    for (;;) {
      const { rows } = await this.pool.query<EventRow>({
        text: `select ${columnsOf('e')} from es_events e
               where e.stream_id = $1 and e.stream_revision >= $2
               order by e.stream_revision limit $3`,
        values: [streamName, from.toString(), pageSize],
        types: FAST_TIMESTAMP_TYPES,
      });
      for (const row of rows) yield toRecordedEvent(row);
      if (rows.length < pageSize) return;
      from = BigInt(rows[rows.length - 1].stream_revision) + 1n;
    }
  }

  /**
   * Every event committed before the call, in log order (as EventStoreDB's readAll). The log shows a
   * commit only once every older transaction of the server has ended (see readLogPage); a one-shot
   * read therefore waits for the commits it already knows of that are still held back that way.
   */
  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const pageSize = options.pageSize ?? this.pageSize;
    let cursor = options.from ? decodePosition(options.from) : LOG_START;
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    const committed = await this.lastCommitted(options.filter);
    const settleBy = Date.now() + this.readAllSettleMs;
    let waits = 0;
    let limit = Math.min(pageSize, remaining);
    let next: Promise<EventRow[]> | undefined = this.readVisiblePage(cursor, options.filter, limit);
    try {
      while (next) {
        const events = await next;
        next = undefined;
        const full = events.length === limit;
        if (events.length > 0) cursor = decodePosition(events[events.length - 1].position);
        remaining -= events.length;
        limit = Math.min(pageSize, remaining);
        // The next page is read while the consumer handles this one: the read then costs no waiting.
        if (full && remaining > 0) next = this.readVisiblePage(cursor, options.filter, limit);
        for (const row of events) yield toRecordedEvent(row);
        if (full || remaining <= 0 || reached(cursor, committed)) continue;
        if (Date.now() > settleBy) {
          this.logger.warn(`readAll ended after ${this.readAllSettleMs} ms with commits still held back`);
          return;
        }
        waits += 1;
        await sleep(backoffMs(waits, { baseMs: 10, maxMs: 500 }));
        next = this.readVisiblePage(cursor, options.filter, limit);
      }
    } finally {
      // A consumer that stops early leaves a prefetched page nobody awaits: its failure is moot.
      next?.catch(() => undefined);
    }
  }

  async *subscribeToAll(options: SubscribeToAllOptions = {}): AsyncIterable<SubscriptionItem> {
    const { signal, filter } = options;
    const pageSize = options.pageSize ?? this.pageSize;
    let cursor = options.from ? decodePosition(options.from) : LOG_START;
    let caughtUp = false;
    let heldBackRetryMs = 0;
    let failures = 0;
    // LISTEN before the first read, so no commit can slip between the read and the wait.
    await this.listener.ensureListening();
    // "Caught up" means every event committed before the subscription was delivered (see readAll).
    const committed = await this.lastCommitted(filter);
    const settleBy = Date.now() + this.readAllSettleMs;
    while (!signal?.aborted && !this.closed) {
      const generation = this.listener.currentGeneration;
      let page: LogPage;
      try {
        page = await this.readLogPage(cursor, filter, pageSize);
        failures = 0;
      } catch (error) {
        failures = await this.afterFailedRead(error, failures, signal);
        continue;
      }
      for (const row of page.events) {
        yield { kind: 'event', event: toRecordedEvent(row) };
        if (signal?.aborted) return;
      }
      // Only the next read needs the cursor: decoded once per page, not per event.
      if (page.events.length > 0) cursor = decodePosition(page.events[page.events.length - 1].position);
      if (page.events.length === pageSize) continue;
      // A short page read everything visible: skip past filtered-out rows so they are not scanned again.
      if (comparePositionPairs(page.horizon, cursor) > 0) cursor = page.horizon;
      const holdingBack = !caughtUp && !reached(cursor, committed) && Date.now() <= settleBy;
      if (!caughtUp && !holdingBack) {
        caughtUp = true;
        yield { kind: 'caughtUp', position: cursor === LOG_START ? options.from : encodePosition(cursor) };
      }
      heldBackRetryMs = nextHeldBackRetry(heldBackRetryMs, page.events.length > 0, page.heldBack);
      await this.listener.waitForNotification(generation, heldBackRetryMs || this.pollIntervalMs, signal);
    }
  }

  comparePositions(a: string, b: string): number {
    return compareEncodedPositions(a, b);
  }

  async ping(): Promise<void> {
    await withTimeout(
      this.pool.query('select 1'),
      this.pingTimeoutMs,
      () => new EventStoreTimeout('ping', this.pingTimeoutMs),
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.listener.close();
    await this.notifier.drain();
    if (this.ownsPool) await this.pool.end();
  }

  /**
   * One page of the global log after `cursor`, in (transaction_id, global_position) order, limited to
   * transactions older than the oldest one still running: those can no longer gain rows before the
   * cursor. `horizon` is the last visible row of the whole log in the same snapshot: once a short page
   * has been read, everything up to it was delivered or filtered out, so a reader may move past it.
   * `heldBack`: a row at or past the watermark is in the snapshot, so it committed but stays hidden.
   */
  private async readLogPage(
    cursor: PositionPair,
    filter: StreamFilter | undefined,
    limit: number,
  ): Promise<LogPage> {
    const { rows } = await this.pool.query<LogRow>({
      text: `with horizon as (
         select transaction_id, global_position from es_events
         where transaction_id < pg_snapshot_xmin(pg_current_snapshot())
         order by transaction_id desc, global_position desc limit 1
       ), page as (
         select * from es_events e
         where e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
           and (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
           and ($3::text[] is null or ${inStreams('$3')})
         order by e.transaction_id, e.global_position
         limit $4
       )
       select h.transaction_id::text as horizon_transaction_id, h.global_position::text as horizon_global_position,
              exists (select 1 from es_events where transaction_id >= pg_snapshot_xmin(pg_current_snapshot()))
                as held_back,
              ${columnsOf('p')}
       from (select) as one
       left join horizon h on true
       left join page p on true
       order by p.transaction_id, p.global_position`,
      values: [
        cursor.major.toString(),
        cursor.minor.toString(),
        filter ? [...filter.streamPrefixes] : null,
        limit,
      ],
      types: FAST_TIMESTAMP_TYPES,
    });
    const horizon = rows[0]?.horizon_transaction_id
      ? positionOf({
          transaction_id: rows[0].horizon_transaction_id,
          global_position: rows[0].horizon_global_position!,
        })
      : LOG_START;
    return {
      events: rows.filter((row) => row.event_id !== null),
      horizon,
      heldBack: rows[0]?.held_back ?? false,
    };
  }

  /**
   * readAll's page: readLogPage without the horizon, which only a live subscription needs (a one-shot
   * read ends, or waits, at the newest commit it knew of when it started).
   */
  private async readVisiblePage(
    cursor: PositionPair,
    filter: StreamFilter | undefined,
    limit: number,
  ): Promise<EventRow[]> {
    const { rows } = await this.pool.query<EventRow>({
      name: filter ? 'es_read_all_filtered' : 'es_read_all',
      text: `select ${columnsOf('e')} from es_events e
             where e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
               and (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
               ${filter ? `and ${inStreams('$4')}` : ''}
             order by e.transaction_id, e.global_position
             limit $3`,
      values: [
        cursor.major.toString(),
        cursor.minor.toString(),
        limit,
        ...(filter ? [[...filter.streamPrefixes]] : []),
      ],
      types: FAST_TIMESTAMP_TYPES,
    });
    return rows;
  }

  /** The newest committed event matching the filter, visible or still held back; null for none. */
  private async lastCommitted(filter: StreamFilter | undefined): Promise<PositionPair | null> {
    const { rows } = await this.pool.query<{ transaction_id: string; global_position: string }>(
      `select transaction_id::text as transaction_id, global_position::text as global_position
       from es_events e
       where $1::text[] is null or ${inStreams('$1')}
       -- e.: the columns, not the text aliases above, so that the log-order index is read backwards
       -- (ordering by the aliases sorted the whole log as text on every read).
       order by e.transaction_id desc, e.global_position desc limit 1`,
      [filter ? [...filter.streamPrefixes] : null],
    );
    return rows.length === 0 ? null : positionOf(rows[0]);
  }

  /** Backs off after a failed read; gives up (throws) after maxSubscriptionRetries in a row. */
  private async afterFailedRead(
    error: unknown,
    failures: number,
    signal: AbortSignal | undefined,
  ): Promise<number> {
    const attempt = failures + 1;
    if (attempt > this.maxSubscriptionRetries || this.closed) throw error;
    this.logger.warn(`subscription read failed (attempt ${attempt}), retrying: ${(error as Error).message}`);
    await sleep(backoffMs(attempt, { baseMs: 100, maxMs: 5000, jitter: true }), signal);
    return attempt;
  }
}

/** Has a reader at `cursor` delivered (or passed) the newest commit it knew of? */
function reached(cursor: PositionPair, committed: PositionPair | null): boolean {
  return committed === null || comparePositionPairs(cursor, committed) >= 0;
}

/**
 * The stream filter: `e`'s stream id starts with one of the prefixes in `parameter` (text[]). Written with
 * `^@`, whose selectivity PostgreSQL estimates from the stream ids' statistics: the same test as an
 * `exists` over `unnest(...)` with `starts_with` was guessed to keep well under 1% of the rows, so the first
 * executions of a prepared read (custom plans) sorted the whole log for each page instead of walking the
 * log-order index (0.5 s per page at 200k events, on each of the pool's connections).
 */
function inStreams(parameter: string): string {
  return `e.stream_id ^@ any(${parameter}::text[])`;
}

/**
 * The event columns (created_at read by FAST_TIMESTAMP_TYPES' parser: a rebuild reads a million).
 * Bigints as text: JavaScript numbers would round them. The position is one column in its encoded form
 * (PostgreSQL prints both numbers in canonical decimal): a read of the whole log then parses one string
 * per event for it instead of two, and joins none.
 */
function columnsOf(table: string): string {
  return `${table}.transaction_id::text || '.' || ${table}.global_position::text as position,
    ${table}.stream_id, ${table}.stream_revision::text as stream_revision, ${table}.event_id::text as event_id,
    ${table}.event_type, ${table}.data, ${table}.metadata, ${table}.created_at`;
}

/**
 * The append, inside a transaction the caller opened and will commit: the same statement as
 * appendToStream, with the NOTIFY inside the transaction (delivered on the caller's commit). Exported
 * for the contract suite, which holds such a transaction open to reproduce late commits.
 */
export function appendInTransaction(
  client: PoolClient,
  streamName: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  return appendWith(client, streamName, events, expected, CHANNEL);
}

/** A row of es_append: the appended events' position, or each already stored event of a retried append. */
interface AppendRow {
  status: 'appended' | 'existing';
  revision: string;
  event_id: string;
  stream_revision: string;
  transaction_id: string;
  global_position: string;
}

const APPEND_COLUMNS = `status, revision::text as revision, event_id::text as event_id,
  stream_revision::text as stream_revision, transaction_id::text as transaction_id,
  global_position::text as global_position`;

/**
 * One round trip: es_append (migration 3) reads the stream's revision, checks the expected revision and
 * inserts at the next one, the primary key refusing a concurrent appender (which es_append then re-judges:
 * replay, append after the winner, or refusal), all in the statement's own transaction unless `db` is
 * inside one. A single event first goes as plain SQL (singleEventAppend), the same first step without
 * the plpgsql call; whatever that does not write (refusal, replay, lost race) goes on to es_append.
 * With `newKey` (expected: no_stream), the stream's key is stored in the same statement (a single
 * event: singleEventOpeningWithKey first; else, or if that wrote nothing, es_append_with_new_key);
 * undefined when the stream already has one.
 */
async function appendWith(
  db: Pool | PoolClient,
  streamName: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
  notifyChannel: string | null,
): Promise<AppendResult>;
async function appendWith(
  db: Pool | PoolClient,
  streamName: string,
  events: readonly NewEvent[],
  expected: 'no_stream',
  notifyChannel: string | null,
  newKey: WrappedDataKey,
): Promise<AppendResult | undefined>;
async function appendWith(
  db: Pool | PoolClient,
  streamName: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
  notifyChannel: string | null,
  newKey?: WrappedDataKey,
): Promise<AppendResult | undefined> {
  assertNotEmpty(events);
  if (events.length === 1) {
    // Nearly every append: plain SQL first; no row means the plpgsql function has to judge it.
    const written = await appendOneInPlainSql(db, streamName, events[0], expected, notifyChannel, newKey);
    if (written !== NOT_WRITTEN) return written;
  }
  const payload = JSON.stringify(
    events.map(({ id, type, data, metadata }) => ({ id, type, data, metadata })),
  );
  // Named: each connection parses and plans them once.
  const statement = newKey
    ? {
        name: 'es_append_with_new_key',
        text: `select ${APPEND_COLUMNS} from es_append_with_new_key($1, $2, $3, $4, $5, $6)`,
        values: [streamName, payload, notifyChannel, newKey.keyId, newKey.wrappedKey, newKey.masterKeyId],
      }
    : {
        name: 'es_append',
        text: `select ${APPEND_COLUMNS} from es_append($1, $2, $3, $4)`,
        values: [streamName, String(expected), payload, notifyChannel],
      };
  const rows = await db.query<AppendRow>(statement).then(
    (result) => result.rows,
    (error: unknown) => {
      if (error instanceof DatabaseError && error.code === WRONG_EXPECTED_REVISION) {
        throw new WrongExpectedVersion(streamName, expected, actualOf(BigInt(error.detail!)));
      }
      if (error instanceof DatabaseError && error.code === KEY_EXISTS) return undefined;
      throw error;
    },
  );
  if (!rows) return undefined;
  const current = BigInt(rows[0].revision);
  if (rows[0].status === 'existing') return idempotentResult(streamName, events, rows, current, expected);
  return { nextExpectedRevision: current, position: encodePosition(positionOf(rows[0])) };
}

/** The plain-SQL statement wrote nothing: es_append (or es_append_with_new_key) judges the append. */
const NOT_WRITTEN = Symbol('not written');

/**
 * A single event as plain SQL (single-event-append.statement.ts): its result, undefined when the
 * stream already has a personal-data key (nothing written, as es_append_with_new_key's ES412), or
 * NOT_WRITTEN for the plpgsql function to judge.
 */
async function appendOneInPlainSql(
  db: Pool | PoolClient,
  streamName: string,
  event: NewEvent,
  expected: ExpectedRevision,
  notifyChannel: string | null,
  newKey: WrappedDataKey | undefined,
): Promise<AppendResult | undefined | typeof NOT_WRITTEN> {
  const statement = newKey
    ? singleEventOpeningWithKey(streamName, event, newKey, notifyChannel)
    : singleEventAppend(streamName, event, expected, notifyChannel);
  const rows = await db.query<SingleEventAppendRow>(statement).then(
    (result) => result.rows,
    (error: unknown) => {
      const keyExists =
        error instanceof DatabaseError &&
        error.code === UNIQUE_VIOLATION &&
        error.constraint === STREAM_KEY_CONSTRAINT;
      if (keyExists) return undefined;
      throw error;
    },
  );
  if (!rows) return undefined;
  if (rows.length === 0) return NOT_WRITTEN;
  return { nextExpectedRevision: BigInt(rows[0].revision), position: encodePosition(positionOf(rows[0])) };
}

function assertNotEmpty(events: readonly NewEvent[]): void {
  // An empty append would create a stream with no events, which EventStoreDB has no notion of.
  if (events.length === 0) throw new RangeError('appendToStream needs at least one event');
}

/**
 * A retried append (same ids) succeeds without writing only if those events are exactly the stream's
 * last ones and were written at the expected revision; if the stream moved on since, it is a conflict.
 */
function idempotentResult(
  streamName: string,
  events: readonly NewEvent[],
  existing: AppendRow[],
  current: bigint,
  expected: ExpectedRevision,
): AppendResult {
  const first = BigInt(existing[0].stream_revision);
  const last = existing[existing.length - 1];
  const sameEvents =
    existing.length === events.length &&
    existing.every(
      (row, index) =>
        row.event_id === events[index].id.toLowerCase() &&
        BigInt(row.stream_revision) === first + BigInt(index),
    );
  if (!sameEvents || BigInt(last.stream_revision) !== current || !satisfies(expected, first - 1n)) {
    throw new WrongExpectedVersion(streamName, expected, actualOf(current));
  }
  return { nextExpectedRevision: current, position: encodePosition(positionOf(last)) };
}

function satisfies(expected: ExpectedRevision, current: bigint): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === -1n;
    case 'stream_exists':
      return current >= 0n;
    default:
      return current === expected;
  }
}

function actualOf(current: bigint): ActualRevision {
  return current < 0n ? 'no_stream' : current;
}

function positionOf(row: { transaction_id: string; global_position: string }): PositionPair {
  return { major: BigInt(row.transaction_id), minor: BigInt(row.global_position) };
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    streamName: row.stream_id,
    revision: BigInt(row.stream_revision),
    id: row.event_id,
    type: row.event_type,
    data: row.data,
    metadata: row.metadata,
    position: row.position,
    recordedAt: row.created_at,
  };
}

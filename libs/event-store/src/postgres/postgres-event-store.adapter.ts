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
import { EVENT_STORE_MIGRATIONS } from './event-store.migrations';
import { PostgresNotificationListener } from './postgres-notification.listener';
import { inTransaction } from './postgres-transaction';
import { runSchemaMigrations } from './schema-migration.runner';

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
const UNIQUE_VIOLATION = '23505';
/** Before any real position: transaction ids and the identity both start above zero. */
const LOG_START: PositionPair = { major: 0n, minor: 0n };
/** First re-read delay after a notification whose commit was not yet visible (held back by an older transaction). */
const HELD_BACK_RETRY_MS = 10;

interface EventRow {
  transaction_id: string;
  global_position: string;
  stream_id: string;
  stream_revision: string;
  event_id: string;
  event_type: string;
  data: JsonObject;
  metadata: JsonObject;
  created_at: Date;
}

/** A page row; the event columns are null when the page is empty (the row then only carries the horizon). */
type LogRow = EventRow & { horizon_transaction_id: string | null; horizon_global_position: string | null };

interface LogPage {
  readonly events: EventRow[];
  readonly horizon: PositionPair;
}

/**
 * The PostgreSQL event store: Emmett's transaction-id watermark design (DESIGN.md). Global order is
 * (transaction_id, global_position), and readers only pass transactions older than every transaction
 * still running, so a transaction that commits late is delivered after, never skipped.
 */
export class PostgresEventStore extends EventStore {
  private readonly logger = new Logger(PostgresEventStore.name);
  private readonly listener: PostgresNotificationListener;
  private readonly pageSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxSubscriptionRetries: number;
  private readonly pingTimeoutMs: number;
  private readonly readAllSettleMs: number;
  private closed = false;

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
    return inTransaction(this.pool, (client) =>
      appendInTransaction(client, streamName, events, options.expectedRevision),
    );
  }

  async *readStream(streamName: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const pageSize = options.pageSize ?? this.pageSize;
    let from = options.fromRevision ?? 0n;
    for (;;) {
      const { rows } = await this.pool.query<EventRow>(
        `select ${columnsOf('e')} from es_events e
         where e.stream_id = $1 and e.stream_revision >= $2
         order by e.stream_revision limit $3`,
        [streamName, from.toString(), pageSize],
      );
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
    while (remaining > 0) {
      const limit = Math.min(pageSize, remaining);
      const { events } = await this.readLogPage(cursor, options.filter, limit);
      for (const row of events) {
        cursor = positionOf(row);
        remaining -= 1;
        yield toRecordedEvent(row);
      }
      if (events.length === limit) continue;
      if (reached(cursor, committed)) return;
      if (Date.now() > settleBy) {
        this.logger.warn(`readAll ended after ${this.readAllSettleMs} ms with commits still held back`);
        return;
      }
      waits += 1;
      await sleep(backoffMs(waits, { baseMs: 10, maxMs: 500 }));
    }
  }

  async *subscribeToAll(options: SubscribeToAllOptions = {}): AsyncIterable<SubscriptionItem> {
    const { signal, filter } = options;
    const pageSize = options.pageSize ?? this.pageSize;
    let cursor = options.from ? decodePosition(options.from) : LOG_START;
    let caughtUp = false;
    let heldBackRetryMs = 0;
    let notified = false;
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
        cursor = positionOf(row);
        yield { kind: 'event', event: toRecordedEvent(row) };
        if (signal?.aborted) return;
      }
      if (page.events.length === pageSize) continue;
      // A short page read everything visible: skip past filtered-out rows so they are not scanned again.
      if (comparePositionPairs(page.horizon, cursor) > 0) cursor = page.horizon;
      const holdingBack = !caughtUp && !reached(cursor, committed) && Date.now() <= settleBy;
      if (!caughtUp && !holdingBack) {
        caughtUp = true;
        yield { kind: 'caughtUp', position: cursor === LOG_START ? options.from : encodePosition(cursor) };
      }
      heldBackRetryMs = nextHeldBackRetry(
        heldBackRetryMs,
        page.events.length > 0,
        notified || holdingBack,
        this.pollIntervalMs,
      );
      notified = await this.listener.waitForNotification(
        generation,
        heldBackRetryMs || this.pollIntervalMs,
        signal,
      );
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
    if (this.ownsPool) await this.pool.end();
  }

  /**
   * One page of the global log after `cursor`, in (transaction_id, global_position) order, limited to
   * transactions older than the oldest one still running: those can no longer gain rows before the
   * cursor. `horizon` is the last visible row of the whole log in the same snapshot: once a short page
   * has been read, everything up to it was delivered or filtered out, so a reader may move past it.
   */
  private async readLogPage(
    cursor: PositionPair,
    filter: StreamFilter | undefined,
    limit: number,
  ): Promise<LogPage> {
    const { rows } = await this.pool.query<LogRow>(
      `with horizon as (
         select transaction_id, global_position from es_events
         where transaction_id < pg_snapshot_xmin(pg_current_snapshot())
         order by transaction_id desc, global_position desc limit 1
       ), page as (
         select * from es_events e
         where e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
           and (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
           and ($3::text[] is null or exists (select 1 from unnest($3::text[]) p where starts_with(e.stream_id, p)))
         order by e.transaction_id, e.global_position
         limit $4
       )
       select h.transaction_id::text as horizon_transaction_id, h.global_position::text as horizon_global_position,
              ${columnsOf('p')}
       from (select) as one
       left join horizon h on true
       left join page p on true
       order by p.transaction_id, p.global_position`,
      [cursor.major.toString(), cursor.minor.toString(), filter ? [...filter.streamPrefixes] : null, limit],
    );
    const horizon = rows[0]?.horizon_transaction_id
      ? positionOf({
          transaction_id: rows[0].horizon_transaction_id,
          global_position: rows[0].horizon_global_position!,
        })
      : LOG_START;
    return { events: rows.filter((row) => row.event_id !== null), horizon };
  }

  /** The newest committed event matching the filter, visible or still held back; null for none. */
  private async lastCommitted(filter: StreamFilter | undefined): Promise<PositionPair | null> {
    const { rows } = await this.pool.query<{ transaction_id: string; global_position: string }>(
      `select transaction_id::text as transaction_id, global_position::text as global_position
       from es_events e
       where $1::text[] is null or exists (select 1 from unnest($1::text[]) p where starts_with(e.stream_id, p))
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

/** Bigints as text: JavaScript numbers would round them. */
function columnsOf(table: string): string {
  return `${table}.transaction_id::text as transaction_id, ${table}.global_position::text as global_position,
    ${table}.stream_id, ${table}.stream_revision::text as stream_revision, ${table}.event_id::text as event_id,
    ${table}.event_type, ${table}.data, ${table}.metadata, ${table}.created_at`;
}

/**
 * A notification whose commit stays invisible means an older transaction is still open; NOTIFY will not
 * tell us when that one rolls back, so re-read soon and back off towards the poll interval.
 */
function nextHeldBackRetry(
  current: number,
  readSomething: boolean,
  notified: boolean,
  pollIntervalMs: number,
): number {
  if (readSomething) return 0;
  if (current > 0) return Math.min(current * 2, pollIntervalMs);
  return notified ? HELD_BACK_RETRY_MS : 0;
}

/**
 * The append, inside a transaction the caller opened and will commit. Exported for the contract suite,
 * which holds such a transaction open to reproduce late commits.
 */
export async function appendInTransaction(
  client: PoolClient,
  streamName: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  assertNotEmpty(events);
  const current = await lockStream(client, streamName);
  const existing = await findExisting(client, streamName, events);
  if (existing.length > 0) return idempotentResult(streamName, events, existing, current, expected);
  if (!satisfies(expected, current)) throw new WrongExpectedVersion(streamName, expected, actualOf(current));
  return insertEvents(client, streamName, events, current).catch((error: unknown) => {
    if (error instanceof DatabaseError && error.code === UNIQUE_VIOLATION) {
      throw new WrongExpectedVersion(streamName, expected, actualOf(current));
    }
    throw error;
  });
}

function assertNotEmpty(events: readonly NewEvent[]): void {
  // An empty append would create a stream with no events, which EventStoreDB has no notion of.
  if (events.length === 0) throw new RangeError('appendToStream needs at least one event');
}

/** Creates the stream row if needed and locks it: appenders to one stream queue here. -1: no events yet. */
async function lockStream(client: PoolClient, streamName: string): Promise<bigint> {
  const { rows } = await client.query<{ revision: string }>(
    `insert into es_streams (stream_id, revision) values ($1, -1)
     on conflict (stream_id) do update set revision = es_streams.revision
     returning revision::text as revision`,
    [streamName],
  );
  return BigInt(rows[0].revision);
}

interface ExistingRow {
  event_id: string;
  stream_revision: string;
  transaction_id: string;
  global_position: string;
}

async function findExisting(
  client: PoolClient,
  streamName: string,
  events: readonly NewEvent[],
): Promise<ExistingRow[]> {
  const { rows } = await client.query<ExistingRow>(
    `select e.event_id::text as event_id, e.stream_revision::text as stream_revision,
            e.transaction_id::text as transaction_id, e.global_position::text as global_position
     from es_events e where e.stream_id = $1 and e.event_id = any($2::uuid[])
     order by e.stream_revision`,
    [streamName, events.map((event) => event.id)],
  );
  return rows;
}

/**
 * A retried append (same ids) succeeds without writing only if those events are exactly the stream's
 * last ones and were written at the expected revision; if the stream moved on since, it is a conflict.
 */
function idempotentResult(
  streamName: string,
  events: readonly NewEvent[],
  existing: ExistingRow[],
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

async function insertEvents(
  client: PoolClient,
  streamName: string,
  events: readonly NewEvent[],
  current: bigint,
): Promise<AppendResult> {
  const payload = JSON.stringify(
    events.map(({ id, type, data, metadata }) => ({ id, type, data, metadata })),
  );
  const next = current + BigInt(events.length);
  // One statement: all rows (revisions in order), the stream's new revision, and the wake-up for
  // live subscribers, which PostgreSQL delivers only if this transaction commits.
  const { rows } = await client.query<{ transaction_id: string; global_position: string }>(
    `with inserted as (
       insert into es_events (stream_id, stream_revision, event_id, event_type, data, metadata)
       select $1, $2::bigint + e.ordinality, (e.event->>'id')::uuid, e.event->>'type', e.event->'data', e.event->'metadata'
       from jsonb_array_elements($3::jsonb) with ordinality as e(event, ordinality)
       order by e.ordinality
       returning transaction_id, global_position
     ), bumped as (
       update es_streams set revision = $4 where stream_id = $1
     )
     select (select transaction_id::text from inserted limit 1) as transaction_id,
            (select max(global_position)::text from inserted) as global_position,
            pg_notify($5, '')`,
    [streamName, current.toString(), payload, next.toString(), CHANNEL],
  );
  return { nextExpectedRevision: next, position: encodePosition(positionOf(rows[0])) };
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
    position: encodePosition(positionOf(row)),
    recordedAt: row.created_at,
  };
}

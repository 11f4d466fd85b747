import type { QueryConfig } from 'pg';
import type { ExpectedRevision, NewEvent } from '../event-store.port';
import type { WrappedDataKey } from '../personal-data/master-key-ring';

/** bigint's largest value: the open upper end of 'any' and 'stream_exists'. */
const NO_UPPER_BOUND = '9223372036854775807';

/** The fast path's row: the new event's revision and position (none when it wrote nothing). */
export interface SingleEventAppendRow {
  revision: string;
  transaction_id: string;
  global_position: string;
}

/** Where `expected` lets the stream's current revision be (-1: no stream), as bigints in text. */
function acceptedRevisions(expected: ExpectedRevision): readonly [string, string] {
  switch (expected) {
    case 'any':
      return ['-1', NO_UPPER_BOUND];
    case 'no_stream':
      return ['-1', '-1'];
    case 'stream_exists':
      return ['0', NO_UPPER_BOUND];
    default:
      return [expected.toString(), expected.toString()];
  }
}

const INSERT = `insert into es_events (stream_id, stream_revision, event_id, event_type, data, metadata)
  select $1::text, s.current + 1, $2::uuid, $3::text, $4::jsonb, $5::jsonb
  from (select coalesce(max(e.stream_revision), -1) as current from es_events e where e.stream_id = $1::text) s
  where s.current between $6::bigint and $7::bigint
  on conflict do nothing
  returning stream_revision::text as revision, transaction_id::text as transaction_id,
    global_position::text as global_position`;

/**
 * One new event in plain SQL, without es_append's plpgsql call and its re-reading of a JSON array
 * (the event's fields go as typed parameters): es_append's own first step for a single event, the
 * revision read from the primary key's backward probe and the event inserted at the next one if the
 * expected revision allows it. It writes (and returns a row) only when es_append would have done
 * exactly that; anything else returns no row and must go to es_append, which judges it as it would
 * have: a refusal (expected revision not met), a replay (the id is already stored: ON CONFLICT covers
 * unique (stream_id, event_id) too) or a lost race (a concurrent appender took the revision; the insert
 * waited for its commit). With a channel, the NOTIFY rides in the statement's transaction, only when
 * the event was written, as es_append's does.
 */
export function singleEventAppend(
  streamName: string,
  event: NewEvent,
  expected: ExpectedRevision,
  notifyChannel: string | null,
): QueryConfig {
  const values = [...eventParameters(streamName, event), ...acceptedRevisions(expected)];
  return namedStatement('es_append_one', (notify) => `${INSERT}${notify}`, values, notifyChannel);
}

/** $1-$5 of both statements: the stream and the event's own fields, typed in the SQL. */
function eventParameters(streamName: string, event: NewEvent): readonly string[] {
  return [streamName, event.id, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata)];
}

/**
 * Named, so that each connection parses and plans it once; with a channel, a second statement whose
 * NOTIFY (the last parameter) rides in the same transaction, only when a row was written.
 */
function namedStatement(
  name: string,
  text: (notify: string) => string,
  values: readonly unknown[],
  notifyChannel: string | null,
): QueryConfig {
  return notifyChannel === null
    ? { name, text: text(''), values: [...values] }
    : {
        name: `${name}_notify`,
        text: text(`, pg_notify($${values.length + 1}, '')`),
        values: [...values, notifyChannel],
      };
}

/** es_personal_data_keys' primary key: the stream already has a key (a unique violation on it). */
export const STREAM_KEY_CONSTRAINT = 'es_personal_data_keys_pkey';

const INSERT_OPENING = `insert into es_events (stream_id, stream_revision, event_id, event_type, data, metadata)
  select $1::text, 0, $2::uuid, $3::text, $4::jsonb, $5::jsonb
  where not exists (select from es_events e where e.stream_id = $1::text)
  on conflict do nothing
  returning stream_revision::text as revision, transaction_id::text as transaction_id,
    global_position::text as global_position`;

/** The key goes in only beside the event; with no ON CONFLICT, a key already there fails the statement. */
const OPEN_WITH_KEY = `with opened as (${INSERT_OPENING}), stored_key as (
    insert into es_personal_data_keys (stream_id, key_id, wrapped_key, master_key_id)
    select $1::text, $6::uuid, $7::bytea, $8::text from opened
  )
  select revision, transaction_id, global_position`;

/**
 * A new stream's one event and its personal-data key in plain SQL: es_append_with_new_key's work
 * without its two plpgsql calls and JSON array. The event goes in at revision 0 only if the stream
 * has no event, and the key only beside it; a key already stored for the stream breaks its primary
 * key (STREAM_KEY_CONSTRAINT), which undoes the event too: the caller then encrypts with that key, as
 * after es_append_with_new_key's ES412. No row means nothing was written (the stream exists, the id is
 * stored, or a concurrent opener won): es_append_with_new_key then judges it as it would have.
 */
export function singleEventOpeningWithKey(
  streamName: string,
  event: NewEvent,
  key: WrappedDataKey,
  notifyChannel: string | null,
): QueryConfig {
  const values = [...eventParameters(streamName, event), key.keyId, key.wrappedKey, key.masterKeyId];
  return namedStatement(
    'es_open_with_key',
    (notify) => `${OPEN_WITH_KEY}${notify} from opened`,
    values,
    notifyChannel,
  );
}

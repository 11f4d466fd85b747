import type { SchemaMigration } from './schema-migration.runner';

/** The PostgreSQL event store's schema (DESIGN.md, Event store). Append-only list: never edit a shipped entry. */
export const EVENT_STORE_MIGRATIONS: readonly SchemaMigration[] = [
  {
    version: 1,
    description: 'streams and events with transaction-id ordering',
    sql: `
      create table es_streams (
        stream_id text primary key,
        revision bigint not null
      );
      create table es_events (
        global_position bigint generated always as identity,
        -- the writing transaction: readers only pass transactions older than every running one
        transaction_id xid8 not null default pg_current_xact_id(),
        stream_id text not null,
        stream_revision bigint not null,
        event_id uuid not null,
        event_type text not null,
        data jsonb not null,
        metadata jsonb not null,
        created_at timestamptz not null default now(),
        primary key (stream_id, stream_revision),
        unique (stream_id, event_id)
      );
      create index es_events_log_order on es_events (transaction_id, global_position);
    `,
  },
  {
    version: 2,
    description: 'es_append: the whole append as one statement',
    // One round trip instead of five (begin, lock, idempotency lookup, insert, commit). The revision
    // bump is what locks the stream row: appenders to one stream queue on it, and the row is written
    // once. A refused append raises (SQLSTATE ES409, detail: the actual revision), which undoes the bump;
    // a replay (ids already stored) puts the revision back and returns the stored rows for the caller to
    // judge. p_notify_channel: NOTIFY inside the statement's transaction (null: the caller notifies).
    sql: `
      create function es_append(p_stream text, p_expected text, p_events jsonb, p_notify_channel text)
      returns table (status text, revision bigint, event_id uuid, stream_revision bigint,
                     transaction_id xid8, global_position bigint)
      language plpgsql as $$
      #variable_conflict use_column
      declare
        v_count bigint := jsonb_array_length(p_events);
        v_current bigint;
        v_ids uuid[] := array(select (x->>'id')::uuid from jsonb_array_elements(p_events) x);
        v_satisfied boolean;
      begin
        update es_streams s set revision = s.revision + v_count where s.stream_id = p_stream
          returning s.revision - v_count into v_current;
        if not found then
          -- A concurrent creator makes this wait for its commit, and then the update below finds its row.
          insert into es_streams (stream_id, revision) values (p_stream, v_count - 1) on conflict do nothing;
          if found then
            v_current := -1;
          else
            update es_streams s set revision = s.revision + v_count where s.stream_id = p_stream
              returning s.revision - v_count into v_current;
          end if;
        end if;
        return query
          select 'existing', v_current, e.event_id, e.stream_revision, e.transaction_id, e.global_position
          from es_events e
          where e.stream_id = p_stream
            -- = any(array), not in (subquery): the probe then uses unique (stream_id, event_id)
            -- instead of reading every event of the stream.
            and e.event_id = any(v_ids)
          order by e.stream_revision;
        if found then
          update es_streams set revision = v_current where stream_id = p_stream;
          return;
        end if;
        -- Two events with one id: their second row would break unique (stream_id, event_id).
        if v_count > 1 and (select count(distinct id) from unnest(v_ids) id) < v_count then
          raise exception 'duplicate event id' using errcode = 'ES409', detail = v_current::text;
        end if;
        -- (plpgsql's IF reads its condition up to the first THEN: the CASE goes in a variable.)
        v_satisfied := case p_expected
                         when 'any' then true
                         when 'no_stream' then v_current = -1
                         when 'stream_exists' then v_current >= 0
                         else v_current = p_expected::bigint
                       end;
        if not v_satisfied then
          raise exception 'wrong expected revision' using errcode = 'ES409', detail = v_current::text;
        end if;
        return query
          with inserted as (
            insert into es_events (stream_id, stream_revision, event_id, event_type, data, metadata)
            select p_stream, v_current + x.ordinality, (x.event->>'id')::uuid, x.event->>'type',
                   x.event->'data', x.event->'metadata'
            from jsonb_array_elements(p_events) with ordinality as x(event, ordinality)
            order by x.ordinality
            returning es_events.transaction_id, es_events.global_position
          )
          select 'appended', v_current + v_count, null::uuid, null::bigint,
                 (array_agg(i.transaction_id))[1], max(i.global_position)
          from inserted i;
        if p_notify_channel is not null then perform pg_notify(p_notify_channel, ''); end if;
      end
      $$;
    `,
  },
  {
    version: 3,
    description: 'es_append without es_streams: the primary key is the concurrency check',
    // Same signature, results and errors as version 2 (processes still running the previous release call
    // it too), but no stream row: bumping es_streams.revision was a second heap write, WAL record and
    // hot page per append. The stream's revision is read from the primary key (a backward index probe),
    // and the first event is inserted at the next revision with ON CONFLICT DO NOTHING: a concurrent
    // appender that took that revision first makes the insert wait for its commit and then insert
    // nothing. The loop then reads again in a new snapshot: a replay (the ids are now stored) returns the
    // stored rows, 'any' and 'stream_exists' append after the winner, the others are refused with the
    // actual revision. Once the first event holds revision current + 1 nobody else can write the stream
    // until this transaction ends (they all start at current + 1), so the remaining events need no check
    // beyond their ids. es_streams always held the highest stored revision (the bump and the insert
    // committed together, a refusal or replay undid the bump), so existing streams continue where they were;
    // the table goes, as a copy of the revision nobody keeps up would mislead. (A previous-release append
    // holding its stream row makes this wait for its commit; one still queued for the table then fails
    // with an error instead of writing at a revision read from the stale row.)
    sql: `
      create or replace function es_append(p_stream text, p_expected text, p_events jsonb, p_notify_channel text)
      returns table (status text, revision bigint, event_id uuid, stream_revision bigint,
                     transaction_id xid8, global_position bigint)
      language plpgsql as $$
      #variable_conflict use_column
      declare
        v_count bigint := jsonb_array_length(p_events);
        v_current bigint;
        v_satisfied boolean;
        v_lost_race boolean := false;
        v_ids uuid[];
        v_transaction xid8;
        v_position bigint;
      begin
        if v_count = 0 then
          raise exception 'es_append needs at least one event' using errcode = '22023';
        end if;
        loop
          select coalesce(max(e.stream_revision), -1) into v_current from es_events e where e.stream_id = p_stream;
          -- (plpgsql's IF reads its condition up to the first THEN: the CASE goes in a variable.)
          v_satisfied := case p_expected
                           when 'any' then true
                           when 'no_stream' then v_current = -1
                           when 'stream_exists' then v_current >= 0
                           else v_current = p_expected::bigint
                         end;
          -- A single new event on the expected revision (nearly every append) skips the id lookup:
          -- unique (stream_id, event_id) turns a replay into a lost insert, which comes back here.
          if v_lost_race or not v_satisfied or v_count > 1 then
            v_ids := array(select (x->>'id')::uuid from jsonb_array_elements(p_events) x);
            -- The revision in the same snapshot as the stored rows: an identical append that committed
            -- since v_current was read is a replay, not a stream that moved on.
            return query
              select 'existing', (select max(s.stream_revision) from es_events s where s.stream_id = p_stream),
                     e.event_id, e.stream_revision, e.transaction_id, e.global_position
              from es_events e
              where e.stream_id = p_stream and e.event_id = any(v_ids)
              order by e.stream_revision;
            if found then return; end if;
            if not v_satisfied then
              raise exception 'wrong expected revision' using errcode = 'ES409', detail = v_current::text;
            end if;
            -- Two events with one id: their second row would break unique (stream_id, event_id).
            if v_count > 1 and (select count(distinct id) from unnest(v_ids) id) < v_count then
              raise exception 'duplicate event id' using errcode = 'ES409', detail = v_current::text;
            end if;
          end if;
          insert into es_events (stream_id, stream_revision, event_id, event_type, data, metadata)
            values (p_stream, v_current + 1, (p_events->0->>'id')::uuid, p_events->0->>'type',
                    p_events->0->'data', p_events->0->'metadata')
            on conflict do nothing
            returning es_events.transaction_id, es_events.global_position into v_transaction, v_position;
          exit when found;
          v_lost_race := true;
        end loop;
        if v_count > 1 then
          -- The ids were looked up above, before this transaction held the stream, and nobody else can
          -- have written it since: these rows cannot conflict.
          with inserted as (
            insert into es_events (stream_id, stream_revision, event_id, event_type, data, metadata)
            select p_stream, v_current + x.ordinality, (x.event->>'id')::uuid, x.event->>'type',
                   x.event->'data', x.event->'metadata'
            from jsonb_array_elements(p_events) with ordinality as x(event, ordinality)
            where x.ordinality > 1
            order by x.ordinality
            returning es_events.global_position
          )
          select max(i.global_position) into v_position from inserted i;
        end if;
        if p_notify_channel is not null then perform pg_notify(p_notify_channel, ''); end if;
        return query select 'appended', v_current + v_count, null::uuid, null::bigint, v_transaction, v_position;
      end
      $$;
      drop table es_streams;
    `,
  },
];

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
];

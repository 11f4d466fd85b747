import type { SchemaMigration } from '../postgres/schema-migration.runner';

/** The personal-data keys' schema. Append-only list: never edit a shipped entry. */
export const PERSONAL_DATA_MIGRATIONS: readonly SchemaMigration[] = [
  {
    version: 1,
    description: 'per-case personal data keys',
    sql: `
      create table es_personal_data_keys (
        stream_id text primary key,
        -- a new id for every key: after an erasure, old ciphertexts never meet a newer key
        key_id uuid not null unique,
        wrapped_key bytea not null,
        created_at timestamptz not null default now()
      );
    `,
  },
  {
    version: 2,
    description: 'id of the master key wrapping each per-case key',
    // Null for rows wrapped before rotation existed: DATA_MASTER_KEY or DATA_MASTER_KEY_PREVIOUS opens them.
    sql: `alter table es_personal_data_keys add column master_key_id text;`,
  },
  {
    version: 3,
    description: 'es_append_with_new_key: a new stream and its key in one statement',
    // For a PostgreSQL event store in this database (PostgresEventStore.appendOpeningWithKey): a new
    // case's key and first events commit together, one round trip and one commit, and a refused
    // append leaves no key behind. A stream that already has a key raises ES412 and stores nothing:
    // the caller then encrypts with that key (keyForStream) and appends as usual.
    sql: `
      create function es_append_with_new_key(p_stream text, p_events jsonb, p_notify_channel text,
                                             p_key_id uuid, p_wrapped_key bytea, p_master_key_id text)
      returns table (status text, revision bigint, event_id uuid, stream_revision bigint,
                     transaction_id xid8, global_position bigint)
      language plpgsql as $$
      begin
        insert into es_personal_data_keys (stream_id, key_id, wrapped_key, master_key_id)
          values (p_stream, p_key_id, p_wrapped_key, p_master_key_id)
          on conflict (stream_id) do nothing;
        if not found then
          raise exception 'personal data key exists' using errcode = 'ES412';
        end if;
        return query select * from es_append(p_stream, 'no_stream', p_events, p_notify_channel);
      end
      $$;
    `,
  },
];

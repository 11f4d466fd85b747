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
];

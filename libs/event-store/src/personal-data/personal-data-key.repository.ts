import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { withTimeout } from '../retry-backoff';
import { runSchemaMigrations, type SchemaMigration } from '../postgres/schema-migration.runner';
import { newDataKey, unwrapDataKey, wrapDataKey } from './personal-data.cipher';

const MIGRATIONS: readonly SchemaMigration[] = [
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
];

export interface DataKey {
  readonly keyId: string;
  readonly key: Buffer;
}

/**
 * Per-case data keys in PostgreSQL, whichever event store holds the events, wrapped with
 * DATA_MASTER_KEY. Deleting a case's key crypto-shreds its personal data everywhere it was copied.
 */
export class PersonalDataKeyRepository {
  private constructor(
    private readonly pool: Pool,
    private readonly masterKey: Buffer,
  ) {}

  /** `masterKey`: base64 of 32 bytes, as validated by @ehcp/config. */
  static async create(pool: Pool, masterKey: string): Promise<PersonalDataKeyRepository> {
    const key = Buffer.from(masterKey, 'base64');
    if (key.length !== 32) throw new RangeError('DATA_MASTER_KEY must be 32 bytes, base64-encoded');
    await runSchemaMigrations(pool, 'personal-data', MIGRATIONS);
    return new PersonalDataKeyRepository(pool, key);
  }

  /** The case's key, created on first use; concurrent first writers agree on one key. */
  async keyForStream(streamName: string): Promise<DataKey> {
    // Two rounds cover an erasure racing between the insert and the read.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const keyId = randomUUID();
      const dataKey = newDataKey();
      const { rows } = await this.pool.query<{ key_id: string; wrapped_key: Buffer }>(
        `with inserted as (
           insert into es_personal_data_keys (stream_id, key_id, wrapped_key) values ($1, $2, $3)
           on conflict (stream_id) do nothing
           returning key_id::text as key_id, wrapped_key
         )
         select key_id, wrapped_key from inserted
         union all
         select key_id::text, wrapped_key from es_personal_data_keys where stream_id = $1`,
        [streamName, keyId, wrapDataKey(dataKey, this.masterKey, keyId)],
      );
      if (rows.length > 0) return this.unwrap(rows[0]);
    }
    throw new Error(`No personal data key could be created for ${streamName}`);
  }

  /** The key, or undefined once erased. */
  async keyById(keyId: string): Promise<Buffer | undefined> {
    const { rows } = await this.pool.query<{ key_id: string; wrapped_key: Buffer }>(
      'select key_id::text as key_id, wrapped_key from es_personal_data_keys where key_id = $1',
      [keyId],
    );
    return rows.length > 0 ? this.unwrap(rows[0]).key : undefined;
  }

  /** Crypto-shredding: true when a key existed and is now gone. */
  async erase(streamName: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('delete from es_personal_data_keys where stream_id = $1', [
      streamName,
    ]);
    return (rowCount ?? 0) > 0;
  }

  async ping(timeoutMs: number): Promise<void> {
    await withTimeout('personal data keys ping', timeoutMs, this.pool.query('select 1'));
  }

  private unwrap(row: { key_id: string; wrapped_key: Buffer }): DataKey {
    return { keyId: row.key_id, key: unwrapDataKey(row.wrapped_key, this.masterKey, row.key_id) };
  }
}

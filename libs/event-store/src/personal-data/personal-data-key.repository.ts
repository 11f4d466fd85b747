import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { withTimeout } from '@ehcp/config';
import { EventStoreTimeout } from '../event-store.errors';
import { inTransaction } from '../postgres/postgres-transaction';
import { runSchemaMigrations } from '../postgres/schema-migration.runner';
import { MasterKeyRing, type WrappedDataKey } from './master-key-ring';
import { newDataKey } from './personal-data.cipher';
import { PERSONAL_DATA_MIGRATIONS } from './personal-data.migrations';

export interface DataKey {
  readonly keyId: string;
  readonly key: Buffer;
}

/** A key not yet stored, with the row that stores it. */
export interface NewDataKey extends DataKey {
  readonly wrapped: WrappedDataKey & { readonly masterKeyId: string };
}

/** One committed batch of a master-key rotation. */
export interface RewrapBatch {
  readonly rewrapped: number;
  /** The last stream id of the batch: the next batch starts after it. */
  readonly lastStreamId: string | undefined;
}

interface KeyRow {
  readonly key_id: string;
  readonly wrapped_key: Buffer;
  readonly master_key_id: string | null;
}

const KEY_COLUMNS = 'key_id::text as key_id, wrapped_key, master_key_id';

/**
 * Per-case data keys in PostgreSQL, whichever event store holds the events, wrapped with
 * DATA_MASTER_KEY (or, during a rotation, DATA_MASTER_KEY_PREVIOUS). Deleting a case's key
 * crypto-shreds its personal data everywhere it was copied.
 */
export class PersonalDataKeyRepository {
  private constructor(
    private readonly pool: Pool,
    private readonly masterKeys: MasterKeyRing,
  ) {}

  /** Master keys: base64 of 32 bytes, as validated by @ehcp/config. */
  static async create(
    pool: Pool,
    masterKey: string,
    previousMasterKey?: string,
  ): Promise<PersonalDataKeyRepository> {
    const masterKeys = MasterKeyRing.fromBase64(masterKey, previousMasterKey);
    await runSchemaMigrations(pool, 'personal-data', PERSONAL_DATA_MIGRATIONS);
    return new PersonalDataKeyRepository(pool, masterKeys);
  }

  /**
   * A new key, not stored: `wrapped` is its row, for a statement that stores it beside the stream's
   * first events (EncryptedEventStore's opening append) or for keyForStream.
   */
  newKey(): NewDataKey {
    const keyId = randomUUID();
    const key = newDataKey();
    const wrapped = {
      keyId,
      wrappedKey: this.masterKeys.wrap(key, keyId),
      masterKeyId: this.masterKeys.current.id,
    };
    return { keyId, key, wrapped };
  }

  /** The case's key, created on first use; concurrent first writers agree on one key. */
  async keyForStream(streamName: string): Promise<DataKey> {
    // Two rounds cover an erasure racing between the insert and the read.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const { wrapped } = this.newKey();
      const { rows } = await this.pool.query<KeyRow>(
        `with inserted as (
           insert into es_personal_data_keys (stream_id, key_id, wrapped_key, master_key_id)
           values ($1, $2, $3, $4)
           on conflict (stream_id) do nothing
           returning ${KEY_COLUMNS}
         )
         select * from inserted
         union all
         select ${KEY_COLUMNS} from es_personal_data_keys where stream_id = $1`,
        [streamName, wrapped.keyId, wrapped.wrappedKey, wrapped.masterKeyId],
      );
      if (rows.length > 0) return { keyId: rows[0].key_id, key: this.unwrap(rows[0]) };
    }
    throw new Error(`No personal data key could be created for ${streamName}`);
  }

  /** The key, or undefined once erased. */
  async keyById(keyId: string): Promise<Buffer | undefined> {
    const { rows } = await this.pool.query<KeyRow>(
      `select ${KEY_COLUMNS} from es_personal_data_keys where key_id = $1`,
      [keyId],
    );
    return rows.length > 0 ? this.unwrap(rows[0]) : undefined;
  }

  /** The keys of these ids in one query; an erased key is absent. */
  async keysById(keyIds: readonly string[]): Promise<Map<string, Buffer>> {
    const { rows } = await this.pool.query<KeyRow>(
      `select ${KEY_COLUMNS} from es_personal_data_keys where key_id = any($1::uuid[])`,
      [keyIds],
    );
    return new Map(rows.map((row) => [row.key_id, this.unwrap(row)]));
  }

  /** Crypto-shredding: true when a key existed and is now gone. */
  async erase(streamName: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('delete from es_personal_data_keys where stream_id = $1', [
      streamName,
    ]);
    return (rowCount ?? 0) > 0;
  }

  /**
   * Re-wraps up to `limit` keys not yet wrapped by DATA_MASTER_KEY, after `afterStreamId`, in one
   * transaction. Rows another transaction holds (an erasure, a first write) are skipped, not waited on.
   */
  async rewrapBatch(limit: number, afterStreamId = ''): Promise<RewrapBatch> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<KeyRow & { stream_id: string }>(
        `select stream_id, ${KEY_COLUMNS} from es_personal_data_keys
         where stream_id > $1 and master_key_id is distinct from $2
         order by stream_id limit $3
         for update skip locked`,
        [afterStreamId, this.masterKeys.current.id, limit],
      );
      if (rows.length === 0) return { rewrapped: 0, lastStreamId: undefined };
      const rewrapped = rows.map((row) => this.masterKeys.wrap(this.unwrap(row), row.key_id));
      await client.query(
        `update es_personal_data_keys k set wrapped_key = v.wrapped_key, master_key_id = $1
         from unnest($2::text[], $3::bytea[]) as v(stream_id, wrapped_key)
         where k.stream_id = v.stream_id`,
        [this.masterKeys.current.id, rows.map((row) => row.stream_id), rewrapped],
      );
      return { rewrapped: rows.length, lastStreamId: rows[rows.length - 1].stream_id };
    });
  }

  /** Keys a rotation still has to re-wrap. */
  async countNotWrappedByCurrentKey(): Promise<number> {
    const { rows } = await this.pool.query<{ count: string }>(
      'select count(*) from es_personal_data_keys where master_key_id is distinct from $1',
      [this.masterKeys.current.id],
    );
    return Number(rows[0].count);
  }

  /** The fingerprint of DATA_MASTER_KEY, as recorded beside the keys it wraps. */
  get currentMasterKeyId(): string {
    return this.masterKeys.current.id;
  }

  async ping(timeoutMs: number): Promise<void> {
    await withTimeout(
      this.pool.query('select 1'),
      timeoutMs,
      () => new EventStoreTimeout('personal data keys ping', timeoutMs),
    );
  }

  private unwrap(row: KeyRow): Buffer {
    const wrapped: WrappedDataKey = {
      keyId: row.key_id,
      wrappedKey: row.wrapped_key,
      masterKeyId: row.master_key_id,
    };
    return this.masterKeys.unwrap(wrapped);
  }
}

import type { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { EncryptedEventStore } from '../personal-data/encrypted-event-store.decorator';
import { PersonalDataKeyRepository } from '../personal-data/personal-data-key.repository';
import {
  CHILD,
  describeEventStoreContract,
  newEvent,
  TEST_MASTER_KEY,
} from '../testing/event-store.contract';
import { openPostgresTransaction } from '../testing/postgres-open-transaction';
import { PostgresEventStore } from './postgres-event-store.adapter';
import { openTestPool } from '../testing/test-pool';

/** Counts the store's event reads without changing them: proof that reads are paged. */
function countEventReads(pool: Pool): () => number {
  let reads = 0;
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  jest.spyOn(pool, 'query').mockImplementation(((...args: unknown[]) => {
    // A statement is text or, when named (prepared once per connection), a config with its text.
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
    if (text?.includes('from es_events')) reads += 1;
    return query(...args);
  }) as typeof pool.query);
  return () => reads;
}

describeEventStoreContract('PostgreSQL', async () => {
  const database = await createTestDatabase('es_contract');
  const pool = openTestPool(database.url);
  const readRoundTrips = countEventReads(pool);
  const store = await PostgresEventStore.create({ pool, pollIntervalMs: 200 });
  return {
    store,
    keysPool: pool,
    readRoundTrips,
    openTransaction: () => openPostgresTransaction(pool),
    rejectsIdsAfterStreamMoved: true,
    dispose: async () => {
      await store.close();
      await pool.end();
      await database.drop();
    },
  };
});

describe('PostgresEventStore specifics', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('es_pg');
  });
  afterAll(() => database.drop());

  it('migrates safely when several processes start at once, and only once', async () => {
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => PostgresEventStore.create({ connectionString: database.url })),
    );
    const pool = openTestPool(database.url);
    try {
      const { rows } = await pool.query('select component, version from es_schema_migrations');
      expect(rows).toEqual([
        { component: 'event-store', version: 1 },
        { component: 'event-store', version: 2 },
      ]);
      await stores[0].appendToStream('s-1', [newEvent()], { expectedRevision: 'no_stream' });
      await stores[3].ping();
    } finally {
      await Promise.all(stores.map((store) => store.close()));
      await pool.end();
    }
  });

  it('encodes positions from the transaction id and the global position', async () => {
    const store = await PostgresEventStore.create({ connectionString: database.url });
    const pool = openTestPool(database.url);
    try {
      const result = await store.appendToStream('s-2', [newEvent(), newEvent()], {
        expectedRevision: 'no_stream',
      });
      const { rows } = await pool.query(
        `select transaction_id::text || '.' || global_position::text as position from es_events
         where stream_id = 's-2' order by stream_revision desc limit 1`,
      );
      expect(result.position).toBe(rows[0].position);
    } finally {
      await store.close();
      await pool.end();
    }
  });

  it('keeps no plaintext name or date of birth anywhere in es_events', async () => {
    const pool = openTestPool(database.url);
    const store = await PostgresEventStore.create({ pool });
    try {
      const encrypted = new EncryptedEventStore(
        store,
        await PersonalDataKeyRepository.create(pool, TEST_MASTER_KEY),
      );
      await encrypted.appendToStream('case-raw', [newEvent('CaseCreated', { personal: CHILD })], {
        expectedRevision: 'no_stream',
      });
      const { rows } = await pool.query<{ row: string }>(
        `select e::text as row from es_events e where stream_id = 'case-raw'`,
      );
      expect(rows).toHaveLength(1);
      for (const plaintext of Object.values(CHILD)) expect(rows[0].row).not.toContain(plaintext);
      const keys = await pool.query<{ key: string }>('select k::text as key from es_personal_data_keys k');
      expect(keys.rows).toHaveLength(1);
    } finally {
      await store.close();
      await pool.end();
    }
  });
});

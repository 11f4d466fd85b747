import type { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { EncryptedEventStore } from '../personal-data/encrypted-event-store.decorator';
import { PersonalDataKeyRepository } from '../personal-data/personal-data-key.repository';
import { WrongExpectedVersion } from '../event-store.errors';
import {
  CHILD,
  collect,
  describeEventStoreContract,
  newEvent,
  TEST_MASTER_KEY,
} from '../testing/event-store.contract';
import { openPostgresTransaction } from '../testing/postgres-open-transaction';
import { EVENT_STORE_MIGRATIONS } from './event-store.migrations';
import { PostgresEventStore } from './postgres-event-store.adapter';
import { runSchemaMigrations } from './schema-migration.runner';
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
    opensStreamsWithKey: store,
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
        { component: 'event-store', version: 3 },
      ]);
      await stores[0].appendToStream('s-1', [newEvent()], { expectedRevision: 'no_stream' });
      await stores[3].ping();
    } finally {
      await Promise.all(stores.map((store) => store.close()));
      await pool.end();
    }
  });

  it('continues streams written before the primary key became the concurrency check (es_streams)', async () => {
    const upgraded = await createTestDatabase('es_upgrade');
    const pool = openTestPool(upgraded.url);
    try {
      await runSchemaMigrations(
        pool,
        'event-store',
        EVENT_STORE_MIGRATIONS.filter((migration) => migration.version <= 2),
      );
      // The previous release's es_append: its stream row and its events.
      await pool.query(`select * from es_append('old-1', 'no_stream', $1, null)`, [
        JSON.stringify([newEvent(), newEvent()]),
      ]);
      const store = await PostgresEventStore.create({ pool });
      try {
        await expect(
          store.appendToStream('old-1', [newEvent()], { expectedRevision: 0n }),
        ).rejects.toMatchObject({ actual: 1n });
        const next = await store.appendToStream('old-1', [newEvent()], { expectedRevision: 1n });
        expect(next.nextExpectedRevision).toBe(2n);
        const { rows } = await pool.query(`select to_regclass('es_streams') as streams`);
        expect(rows).toEqual([{ streams: null }]);
      } finally {
        await store.close();
      }
    } finally {
      await pool.end();
      await upgraded.drop();
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

  it('delivers an event held back by an older transaction once that one ends, with no notification of it', async () => {
    const pool = openTestPool(database.url);
    // No poll worth the name: only the held-back re-reads can find the event after the blocker ends.
    const store = await PostgresEventStore.create({ pool, pollIntervalMs: 600_000 });
    const abort = new AbortController();
    const blocker = await openPostgresTransaction(pool);
    try {
      await blocker.assignTransactionId();
      const seen = (async () => {
        for await (const item of store.subscribeToAll({
          signal: abort.signal,
          filter: { streamPrefixes: ['held-'] },
        })) {
          if (item.kind === 'event') return item.event.streamName;
        }
        return undefined;
      })();
      await store.appendToStream('held-1', [newEvent()], { expectedRevision: 'no_stream' });
      // A rollback sends no NOTIFY: the subscriber learns of the end only by re-reading.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await blocker.rollback();
      await expect(seen).resolves.toBe('held-1');
    } finally {
      abort.abort();
      await blocker.abandon();
      await store.close();
      await pool.end();
    }
  });

  describe('a new stream and its personal-data key in one statement', () => {
    let pool: Pool;
    let store: PostgresEventStore;
    let keys: PersonalDataKeyRepository;
    let encrypted: EncryptedEventStore;
    const created = () => newEvent('CaseCreated', { personal: CHILD });
    const keyIdsOf = async (stream: string) =>
      (
        await pool.query<{ key_id: string }>(
          'select key_id::text as key_id from es_personal_data_keys where stream_id = $1',
          [stream],
        )
      ).rows.map((row) => row.key_id);
    const sealedKeyIdOf = async (stream: string) => {
      const [event] = await collect(encrypted.readStreamSealed(stream));
      return (event.data.personal as { keyId: string }).keyId;
    };

    beforeAll(async () => {
      pool = openTestPool(database.url);
      store = await PostgresEventStore.create({ pool });
      keys = await PersonalDataKeyRepository.create(pool, TEST_MASTER_KEY);
      encrypted = new EncryptedEventStore(store, keys, { opensStreamsWithKey: store });
    });
    afterAll(async () => {
      await store.close();
      await pool.end();
    });

    it('stores the key its first events are encrypted with, and reads them back', async () => {
      await encrypted.appendToStream('case-one-statement', [created()], { expectedRevision: 'no_stream' });
      expect(await keyIdsOf('case-one-statement')).toEqual([await sealedKeyIdOf('case-one-statement')]);
      const [event] = await collect(encrypted.readStream('case-one-statement'));
      expect(event.data.personal).toEqual(CHILD);
    });

    it('stores no key when the stream already exists', async () => {
      await store.appendToStream('case-exists', [newEvent('Noted')], { expectedRevision: 'no_stream' });
      await expect(
        encrypted.appendToStream('case-exists', [created()], { expectedRevision: 'no_stream' }),
      ).rejects.toBeInstanceOf(WrongExpectedVersion);
      expect(await keyIdsOf('case-exists')).toEqual([]);
    });

    /** The named statements the store sends through `pool` while `run` runs. */
    async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
      const names: string[] = [];
      const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
      const spy = jest.spyOn(pool, 'query').mockImplementation(((...args: unknown[]) => {
        const name = (args[0] as { name?: string } | undefined)?.name;
        if (name) names.push(name);
        return query(...args);
      }) as typeof pool.query);
      try {
        await run();
      } finally {
        spy.mockRestore();
      }
      return names;
    }

    it('opens with one event in one plain statement, without es_append_with_new_key', async () => {
      const sent = await statementsOf(() =>
        encrypted.appendToStream('case-plain', [created()], { expectedRevision: 'no_stream' }),
      );
      expect(sent).toEqual([expect.stringMatching(/^es_open_with_key/)]);
      expect(await keyIdsOf('case-plain')).toEqual([await sealedKeyIdOf('case-plain')]);
    });

    it('opens with several events through es_append_with_new_key, the key beside them', async () => {
      const sent = await statementsOf(() =>
        encrypted.appendToStream('case-two', [created(), newEvent('Noted')], {
          expectedRevision: 'no_stream',
        }),
      );
      expect(sent).toEqual(['es_append_with_new_key']);
      expect(await keyIdsOf('case-two')).toEqual([await sealedKeyIdOf('case-two')]);
    });

    it('lets one of two concurrent openers win, with its own key and no other', async () => {
      const outcomes = await Promise.allSettled(
        [created(), created()].map((event) =>
          encrypted.appendToStream('case-race', [event], { expectedRevision: 'no_stream' }),
        ),
      );
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = outcomes.find((outcome) => outcome.status === 'rejected');
      expect(refused?.reason).toBeInstanceOf(WrongExpectedVersion);
      expect(await keyIdsOf('case-race')).toEqual([await sealedKeyIdOf('case-race')]);
      expect(await collect(encrypted.readStream('case-race'))).toHaveLength(1);
    });

    it('encrypts with the key a stream already has (a first append that failed after storing it)', async () => {
      const { keyId } = await keys.keyForStream('case-keyed');
      await encrypted.appendToStream('case-keyed', [created()], { expectedRevision: 'no_stream' });
      expect(await keyIdsOf('case-keyed')).toEqual([keyId]);
      expect(await sealedKeyIdOf('case-keyed')).toBe(keyId);
      expect((await collect(encrypted.readStream('case-keyed')))[0].data.personal).toEqual(CHILD);
    });
  });
});

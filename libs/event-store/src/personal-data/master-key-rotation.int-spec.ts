import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { PostgresEventStore } from '../postgres/postgres-event-store.adapter';
import { CHILD, collect, newEvent } from '../testing/event-store.contract';
import { openTestPool } from '../testing/test-pool';
import { EncryptedEventStore } from './encrypted-event-store.decorator';
import { masterKeyId, UnknownMasterKey } from './master-key-ring';
import { rotateMasterKey } from './master-key-rotation';
import { PersonalDataKeyRepository } from './personal-data-key.repository';

const KEY_A = randomBytes(32).toString('base64');
const KEY_B = randomBytes(32).toString('base64');
const ID_B = masterKeyId(Buffer.from(KEY_B, 'base64'));

/**
 * DATA_MASTER_KEY rotation (README, Operating notes): cases written under key A stay readable while the
 * config says B with previous A, the rotation re-wraps every key in resumable batches beside live
 * writes, and afterwards B alone opens everything. The data keys never change, so no event is rewritten.
 */
describe('DATA_MASTER_KEY rotation on PostgreSQL', () => {
  let database: TestDatabase;
  let pool: Pool;
  let events: PostgresEventStore;
  const prefix = `rotation-${randomUUID()}-`;
  const cases = [1, 2, 3, 4, 5, 6].map((n) => `${prefix}case-${n}`);
  const erased = cases[5];

  const storeWith = async (current: string, previous?: string) =>
    new EncryptedEventStore(events, await PersonalDataKeyRepository.create(pool, current, previous));
  const personalOf = async (store: EncryptedEventStore, stream: string) =>
    (await collect(store.readStream(stream)))[0].data.personal;
  const created = () => newEvent('CaseCreated', { team: 'north', personal: CHILD });
  const masterKeyIds = async () =>
    (
      await pool.query<{ master_key_id: string | null }>(
        'select master_key_id from es_personal_data_keys order by stream_id',
      )
    ).rows.map((row) => row.master_key_id);

  beforeAll(async () => {
    database = await createTestDatabase('es_key_rotation');
    pool = openTestPool(database.url);
    events = await PostgresEventStore.create({ pool });
    const underA = await storeWith(KEY_A);
    for (const stream of cases)
      await underA.appendToStream(stream, [created()], { expectedRevision: 'no_stream' });
    // Rows wrapped before key ids were recorded (migration 2 leaves them null) rotate too.
    await pool.query('update es_personal_data_keys set master_key_id = null where stream_id = any($1)', [
      cases.slice(0, 2),
    ]);
    await underA.erasePersonalData(erased);
  });
  afterAll(async () => {
    await events.close();
    await pool.end();
    await database.drop();
  });

  it('rotates online and resumably: B with previous A reads all, then B alone does', async () => {
    const withoutPrevious = await storeWith(KEY_B);
    await expect(personalOf(withoutPrevious, cases[0])).rejects.toThrow(UnknownMasterKey);
    await expect(personalOf(withoutPrevious, cases[2])).rejects.toThrow(UnknownMasterKey);

    const rotating = await storeWith(KEY_B, KEY_A);
    for (const stream of cases.slice(0, 5)) expect(await personalOf(rotating, stream)).toEqual(CHILD);
    const keys = await PersonalDataKeyRepository.create(pool, KEY_B, KEY_A);

    // "Killed" half-way: one committed batch of two, then a fresh run carries on.
    const first = await rotateMasterKey(keys, { batchSize: 2, maxBatches: 1 });
    expect(first).toMatchObject({ masterKeyId: ID_B, rewrapped: 2, batches: 1, remaining: 3 });
    for (const stream of cases.slice(0, 5)) expect(await personalOf(rotating, stream)).toEqual(CHILD);

    // A caseworker opens a new case while the rotation runs: it is written under B at once.
    const newCase = `${prefix}case-new`;
    const progress: number[] = [];
    const [second] = await Promise.all([
      rotateMasterKey(keys, { batchSize: 1, onProgress: ({ rewrapped }) => progress.push(rewrapped) }),
      rotating.appendToStream(newCase, [created()], { expectedRevision: 'no_stream' }),
    ]);
    expect(second).toMatchObject({ rewrapped: 3, remaining: 0 });
    expect(progress).toEqual([1, 2, 3]);
    expect(await masterKeyIds()).toEqual(Array(6).fill(ID_B));

    const afterRotation = await storeWith(KEY_B);
    for (const stream of [...cases.slice(0, 5), newCase])
      expect(await personalOf(afterRotation, stream)).toEqual(CHILD);
    expect(await personalOf(afterRotation, erased)).toBeNull();
    const all = await collect(afterRotation.readAll({ filter: { streamPrefixes: [prefix] } }));
    expect(all.map((event) => event.data.personal)).toEqual([...Array(5).fill(CHILD), null, CHILD]);

    expect(await rotateMasterKey(keys)).toMatchObject({ rewrapped: 0, batches: 0, remaining: 0 });
  });

  it('skips a key another transaction holds instead of waiting, and a second run finishes it', async () => {
    const keyC = randomBytes(32).toString('base64');
    const keys = await PersonalDataKeyRepository.create(pool, keyC, KEY_B);
    const holder = await pool.connect();
    try {
      await holder.query('begin');
      await holder.query('select 1 from es_personal_data_keys where stream_id = $1 for update', [cases[0]]);
      expect(await rotateMasterKey(keys, { batchSize: 2 })).toMatchObject({ rewrapped: 5, remaining: 1 });
    } finally {
      await holder.query('commit');
      holder.release();
    }
    expect(await rotateMasterKey(keys)).toMatchObject({ rewrapped: 1, remaining: 0 });
    expect(await personalOf(await storeWith(keyC), cases[0])).toEqual(CHILD);
    expect(await personalOf(await storeWith(keyC), erased)).toBeNull();
  });

  it('stops with a clear error, changing nothing, when no configured key opens a row', async () => {
    const stranger = randomBytes(32).toString('base64');
    const keys = await PersonalDataKeyRepository.create(pool, stranger, KEY_A);
    const before = await masterKeyIds();
    await expect(rotateMasterKey(keys)).rejects.toThrow(UnknownMasterKey);
    expect(await masterKeyIds()).toEqual(before);
  });
});

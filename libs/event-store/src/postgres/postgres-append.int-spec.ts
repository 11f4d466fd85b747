import type { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { WrongExpectedVersion } from '../event-store.errors';
import { newEvent } from '../testing/event-store.contract';
import { SubscriptionProbe } from '../testing/subscription.probe';
import { openTestPool } from '../testing/test-pool';
import { PostgresEventStore } from './postgres-event-store.adapter';

/** es_append (one statement per append) and the NOTIFY that follows a commit instead of riding in it. */
describe('PostgresEventStore appends', () => {
  let database: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase('es_append');
    pool = openTestPool(database.url);
    // Polling so rare that only a NOTIFY can deliver within the tests' waits (unless stated otherwise).
    store = await PostgresEventStore.create({ pool, pollIntervalMs: 30_000 });
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
    await database.drop();
  });

  async function refusal(append: Promise<unknown>): Promise<WrongExpectedVersion> {
    const error: unknown = await append.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(WrongExpectedVersion);
    return error as WrongExpectedVersion;
  }

  it('a refusal from SQL carries the actual revision and leaves no stream row behind', async () => {
    await store.appendToStream('conflict-1', [newEvent(), newEvent()], { expectedRevision: 'no_stream' });
    const stale = store.appendToStream('conflict-1', [newEvent()], { expectedRevision: 0n });
    expect(await refusal(stale)).toMatchObject({ expected: 0n, actual: 1n });
    const missing = store.appendToStream('conflict-2', [newEvent()], { expectedRevision: 'stream_exists' });
    expect(await refusal(missing)).toMatchObject({ actual: 'no_stream' });
    const { rows } = await pool.query(`select 1 from es_streams where stream_id = 'conflict-2'`);
    expect(rows).toEqual([]);
  });

  it('two events with one id in one append are refused and write nothing', async () => {
    const event = newEvent();
    const twice = store.appendToStream('twice-1', [event, { ...event }], { expectedRevision: 'any' });
    expect(await refusal(twice)).toMatchObject({ actual: 'no_stream' });
    const { rows } = await pool.query(`select 1 from es_events where stream_id = 'twice-1'`);
    expect(rows).toEqual([]);
  });

  it('a replay leaves the stream revision where it was', async () => {
    const events = [newEvent(), newEvent()];
    const first = await store.appendToStream('replay-1', events, { expectedRevision: 'no_stream' });
    const again = await store.appendToStream('replay-1', events, { expectedRevision: 'no_stream' });
    expect(again).toEqual(first);
    const next = await store.appendToStream('replay-1', [newEvent()], { expectedRevision: 1n });
    expect(next.nextExpectedRevision).toBe(2n);
  });

  it('wakes a live subscriber after lone and after overlapping appends, without waiting for its poll', async () => {
    const probe = new SubscriptionProbe(store, { filter: { streamPrefixes: ['live-'] } });
    try {
      await probe.waitForCaughtUp();
      await store.appendToStream('live-alone', [newEvent()], { expectedRevision: 'no_stream' });
      await probe.waitForEvents(1, 10_000);
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          store.appendToStream(`live-${i}`, [newEvent()], { expectedRevision: 'no_stream' }),
        ),
      );
      await probe.waitForEvents(13, 10_000);
    } finally {
      await probe.stop();
    }
  });

  it('a commit whose NOTIFY never came is still delivered by the poll', async () => {
    const polling = await PostgresEventStore.create({ pool, pollIntervalMs: 200 });
    const probe = new SubscriptionProbe(polling, { filter: { streamPrefixes: ['lost-'] } });
    try {
      await probe.waitForCaughtUp();
      // es_append with no channel: committed, never announced (as when a process dies before its NOTIFY).
      const event = newEvent();
      await pool.query(`select * from es_append($1, 'no_stream', $2, null)`, [
        'lost-1',
        JSON.stringify([event]),
      ]);
      await probe.waitForEvents(1, 10_000);
      expect(probe.events.map((e) => e.id)).toEqual([event.id]);
    } finally {
      await probe.stop();
      await polling.close();
    }
  });
});

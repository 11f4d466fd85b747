import type { Pool, PoolClient } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { WrongExpectedVersion } from '../event-store.errors';
import type { AppendResult, ExpectedRevision, NewEvent } from '../event-store.port';
import { newEvent } from '../testing/event-store.contract';
import { openPostgresTransaction } from '../testing/postgres-open-transaction';
import { SubscriptionProbe } from '../testing/subscription.probe';
import { openTestPool } from '../testing/test-pool';
import { appendInTransaction, PostgresEventStore } from './postgres-event-store.adapter';

/**
 * es_append (one statement per append, its races included) and the NOTIFY that follows a commit instead
 * of riding in it.
 */
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

  it('a refusal from SQL carries the actual revision and writes nothing', async () => {
    await store.appendToStream('conflict-1', [newEvent(), newEvent()], { expectedRevision: 'no_stream' });
    const stale = store.appendToStream('conflict-1', [newEvent()], { expectedRevision: 0n });
    expect(await refusal(stale)).toMatchObject({ expected: 0n, actual: 1n });
    const missing = store.appendToStream('conflict-2', [newEvent()], { expectedRevision: 'stream_exists' });
    expect(await refusal(missing)).toMatchObject({ actual: 'no_stream' });
    const { rows } = await pool.query(
      `select stream_revision from es_events where stream_id in ('conflict-1', 'conflict-2')`,
    );
    expect(rows).toHaveLength(2);
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

  describe('a single event: plain SQL first, es_append for whatever that does not write', () => {
    async function preparedOn(client: PoolClient): Promise<string[]> {
      const { rows } = await client.query<{ name: string }>(
        `select name from pg_prepared_statements where name like 'es_append%' order by name`,
      );
      return rows.map((row) => row.name);
    }

    it('appends without es_append, and leaves a refusal to it (with the actual revision)', async () => {
      // A connection of its own: the statements prepared on it are this test's.
      const ownPool = openTestPool(database.url);
      const client = await ownPool.connect();
      try {
        const first = await appendInTransaction(client, 'single-1', [newEvent()], 'no_stream');
        const second = await appendInTransaction(client, 'single-1', [newEvent()], 0n);
        expect(second.nextExpectedRevision).toBe(1n);
        expect(store.comparePositions(second.position, first.position)).toBeGreaterThan(0);
        expect(await preparedOn(client)).toEqual(['es_append_one_notify']);
        const stale = appendInTransaction(client, 'single-1', [newEvent()], 0n);
        expect(await refusal(stale)).toMatchObject({ expected: 0n, actual: 1n });
        const exists = appendInTransaction(client, 'single-2', [newEvent()], 'stream_exists');
        expect(await refusal(exists)).toMatchObject({ actual: 'no_stream' });
        expect(await preparedOn(client)).toEqual(['es_append', 'es_append_one_notify']);
      } finally {
        client.release();
        await ownPool.end();
      }
      const { rows } = await pool.query(
        `select 1 from es_events where stream_id in ('single-1', 'single-2')`,
      );
      expect(rows).toHaveLength(2);
    });

    it('a replay returns the stored result, and once the stream moved on is refused; written once', async () => {
      const event = newEvent();
      const first = await store.appendToStream('single-replay', [event], { expectedRevision: 'no_stream' });
      const again = await store.appendToStream('single-replay', [{ ...event }], {
        expectedRevision: 'no_stream',
      });
      expect(again).toEqual(first);
      await store.appendToStream('single-replay', [newEvent()], { expectedRevision: 0n });
      const late = store.appendToStream('single-replay', [{ ...event }], { expectedRevision: 'any' });
      expect(await refusal(late)).toMatchObject({ expected: 'any', actual: 1n });
      const { rows } = await pool.query(`select 1 from es_events where stream_id = 'single-replay'`);
      expect(rows).toHaveLength(2);
    });
  });

  describe('an append that finds its revision taken by a transaction still open', () => {
    /**
     * `first` appends inside a transaction left open; `second` is started and, once it waits on that
     * transaction's row (the primary key makes it), `first` commits: `second` has lost the race to the
     * revision both read, and must judge the stream again as it now is.
     */
    async function race(
      stream: string,
      first: { events: NewEvent[]; expected: ExpectedRevision },
      second: { events: NewEvent[]; expected: ExpectedRevision },
    ): Promise<{ first: AppendResult; second: Promise<AppendResult> }> {
      const transaction = await openPostgresTransaction(pool);
      try {
        const firstResult = await transaction.append(stream, first.events, first.expected);
        const secondResult = store.appendToStream(stream, second.events, {
          expectedRevision: second.expected,
        });
        secondResult.catch(() => undefined);
        await waitUntilAnAppendWaits();
        await transaction.commit();
        return { first: firstResult, second: secondResult };
      } finally {
        await transaction.abandon();
      }
    }

    /** Until a session of this database waits for another's transaction (polled; the test's timeout bounds it). */
    async function waitUntilAnAppendWaits(): Promise<void> {
      for (;;) {
        const { rows } = await pool.query<{ waiting: boolean }>(
          `select exists (select 1 from pg_locks l join pg_stat_activity a on a.pid = l.pid
                          where not l.granted and l.locktype = 'transactionid'
                            and a.datname = current_database()) as waiting`,
        );
        if (rows[0].waiting) return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }

    it("'any' appends after the winner instead of being refused", async () => {
      const events = [newEvent(), newEvent()];
      const { second } = await race(
        'race-any',
        { events: [newEvent()], expected: 'any' },
        { events, expected: 'any' },
      );
      expect((await second).nextExpectedRevision).toBe(2n);
      const { rows } = await pool.query<{ event_id: string }>(
        `select event_id::text from es_events where stream_id = 'race-any' order by stream_revision`,
      );
      expect(rows.slice(1).map((row) => row.event_id)).toEqual(events.map((event) => event.id));
    });

    it("a single event with 'any' appends after the winner", async () => {
      const event = newEvent();
      const { first, second } = await race(
        'race-any-single',
        { events: [newEvent()], expected: 'any' },
        { events: [event], expected: 'any' },
      );
      expect((await second).nextExpectedRevision).toBe(1n);
      expect(store.comparePositions((await second).position, first.position)).toBeGreaterThan(0);
      const { rows } = await pool.query<{ event_id: string }>(
        `select event_id::text from es_events where stream_id = 'race-any-single' order by stream_revision`,
      );
      expect(rows.map((row) => row.event_id)).toHaveLength(2);
      expect(rows[1].event_id).toBe(event.id);
    });

    it("'stream_exists' appends after the winner instead of being refused", async () => {
      await store.appendToStream('race-exists', [newEvent()], { expectedRevision: 'no_stream' });
      const { second } = await race(
        'race-exists',
        { events: [newEvent()], expected: 0n },
        { events: [newEvent()], expected: 'stream_exists' },
      );
      expect((await second).nextExpectedRevision).toBe(2n);
    });

    it('a revision the winner took is refused with the actual revision', async () => {
      const { second } = await race(
        'race-numeric',
        { events: [newEvent(), newEvent()], expected: 'no_stream' },
        { events: [newEvent()], expected: 'no_stream' },
      );
      expect(await refusal(second)).toMatchObject({ expected: 'no_stream', actual: 1n });
    });

    it('the same append (same ids) is a replay with the winner’s result, written once', async () => {
      const events = [newEvent(), newEvent()];
      const { first, second } = await race(
        'race-replay',
        { events, expected: 'no_stream' },
        { events, expected: 'no_stream' },
      );
      expect(await second).toEqual(first);
      const single = [newEvent()];
      const again = await race(
        'race-replay',
        { events: single, expected: 'any' },
        { events: single, expected: 'any' },
      );
      expect(await again.second).toEqual(again.first);
      const { rows } = await pool.query(`select 1 from es_events where stream_id = 'race-replay'`);
      expect(rows).toHaveLength(3);
    });
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

import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { IdempotencyKeyReused, WrongExpectedVersion } from '../event-store.errors';
import type { EventStore } from '../event-store.port';
import { EncryptedEventStore } from '../personal-data/encrypted-event-store.decorator';
import { PersonalDataKeyRepository } from '../personal-data/personal-data-key.repository';
import { PostgresEventStore } from '../postgres/postgres-event-store.adapter';
import { CHILD, collect, TEST_MASTER_KEY } from '../testing/event-store.contract';
import { isEncryptedPersonalData } from '../personal-data/personal-data.cipher';
import { DeciderCommandRunner, type DeciderCommandRunnerOptions } from './decider-command.runner';
import type { Decider } from './decider.types';
import { eventIdFor } from './deterministic-event-id';
import { openTestPool } from '../testing/test-pool';

type TallyCommand = { type: 'Add'; data: { n: number } } | { type: 'Nothing'; data: Record<string, never> };
type TallyEvent = { type: 'Added'; data: { n: number } };
interface Tally {
  readonly total: number;
  readonly adds: number;
}

const tally: Decider<TallyCommand, TallyEvent, Tally> = {
  initialState: { total: 0, adds: 0 },
  evolve: (state, event) => ({ total: state.total + event.data.n, adds: state.adds + 1 }),
  decide: (command) => {
    if (command.type === 'Nothing') return [];
    if (command.data.n < 0) throw new RangeError('negative');
    return [{ type: 'Added', data: { n: command.data.n } }];
  },
};

/** A stream some command opens; `personal` is what evolve was handed, to see whether it was decrypted. */
type DoorCommand =
  { type: 'Open'; data: { personal: unknown } } | { type: 'Knock'; data: Record<string, never> };
type DoorEvent = { type: 'Opened'; data: { personal: unknown } };
const door: Decider<DoorCommand, DoorEvent, { opened: boolean; personal: unknown }> = {
  initialState: { opened: false, personal: undefined },
  evolve: (_state, event) => ({ opened: true, personal: event.data.personal }),
  decide: (command, state) => {
    if (command.type === 'Knock') return [];
    if (state.opened) throw new RangeError('already open');
    return [{ type: 'Opened', data: { personal: command.data.personal } }];
  },
};
const open: DoorCommand = { type: 'Open', data: { personal: CHILD } };

const add = (n: number): TallyCommand => ({ type: 'Add', data: { n } });
const context = (extra: { idempotencyKey?: string; fingerprint?: string } = {}) => ({
  userId: 'user-1',
  correlationId: 'corr-1',
  ...extra,
});

describe('DeciderCommandRunner on the PostgreSQL store', () => {
  let database: TestDatabase;
  let pool: Pool;
  let store: EncryptedEventStore;
  let runner: DeciderCommandRunner;
  let stream: string;

  beforeAll(async () => {
    database = await createTestDatabase('es_runner');
    pool = openTestPool(database.url);
    const keys = await PersonalDataKeyRepository.create(pool, TEST_MASTER_KEY);
    store = new EncryptedEventStore(await PostgresEventStore.create({ pool }), keys);
    runner = new DeciderCommandRunner(store);
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
    await database.drop();
  });
  beforeEach(() => {
    stream = `tally-${randomUUID()}`;
  });

  it('appends the decided events at the revision read, with full metadata', async () => {
    const first = await runner.run(tally, { streamName: stream, command: add(2), context: context() });
    expect(first).toMatchObject({
      events: [{ type: 'Added', data: { n: 2 } }],
      nextExpectedRevision: 0n,
      replayed: false,
    });
    expect(first.state).toEqual({ total: 2, adds: 1 });
    const second = await runner.run(tally, {
      streamName: stream,
      command: add(3),
      context: { ...context(), causationId: 'cause-9', idempotencyKey: 'key-2' },
      schemaVersion: 2,
    });
    expect(second).toMatchObject({ nextExpectedRevision: 1n, state: { total: 5, adds: 2 } });
    expect(store.isAtOrAfter(second.position!, first.position!)).toBe(true);

    const recorded = await collect(store.readStream(stream));
    expect(recorded.map((e) => e.metadata)).toEqual([
      {
        userId: 'user-1',
        correlationId: 'corr-1',
        causationId: 'corr-1',
        idempotencyKey: null,
        schemaVersion: 1,
      },
      {
        userId: 'user-1',
        correlationId: 'corr-1',
        causationId: 'cause-9',
        idempotencyKey: 'key-2',
        schemaVersion: 2,
      },
    ]);
    expect(recorded[1].id).toBe(eventIdFor(stream, 'key-2', 0));
    expect(recorded[1].position).toBe(second.position);
  });

  it('20 parallel runs on one stream all succeed, with contiguous revisions', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        runner.run(tally, { streamName: stream, command: add(i + 1), context: context() }),
      ),
    );
    expect(results.map((r) => r.nextExpectedRevision).sort((a, b) => Number(a - b))).toEqual(
      Array.from({ length: 20 }, (_, i) => BigInt(i)),
    );
    const recorded = await collect(store.readStream(stream));
    expect(recorded.map((e) => e.revision)).toEqual(Array.from({ length: 20 }, (_, i) => BigInt(i)));
    expect(recorded.reduce((sum, e) => sum + (e.data.n as number), 0)).toBe(210);
    expect(Math.max(...results.map((r) => r.state.adds))).toBe(20);
  });

  it('a pinned revision is never retried: a stale one is WrongExpectedVersion and appends nothing', async () => {
    await runner.run(tally, { streamName: stream, command: add(1), context: context() });
    await runner.run(tally, { streamName: stream, command: add(1), context: context() });
    await expect(
      runner.run(tally, { streamName: stream, command: add(5), context: context(), expectedRevision: 0n }),
    ).rejects.toMatchObject({ name: 'WrongExpectedVersion', expected: 0n, actual: 1n });
    const pinned = await runner.run(tally, {
      streamName: stream,
      command: add(5),
      context: context(),
      expectedRevision: 1n,
    });
    expect(pinned.nextExpectedRevision).toBe(2n);
    expect(await collect(store.readStream(stream))).toHaveLength(3);
  });

  it('"stream_exists" (If-Match: *): refused on an absent stream, any revision of an existing one', async () => {
    const exists = { streamName: stream, command: add(2), context: context() };
    await expect(runner.run(tally, { ...exists, expectedRevision: 'stream_exists' })).rejects.toMatchObject({
      name: 'WrongExpectedVersion',
      expected: 'stream_exists',
      actual: 'no_stream',
    });
    expect(await collect(store.readStream(stream))).toHaveLength(0);
    await runner.run(tally, { streamName: stream, command: add(1), context: context() });
    await runner.run(tally, { streamName: stream, command: add(1), context: context() });
    const applied = await runner.run(tally, { ...exists, expectedRevision: 'stream_exists' });
    expect(applied.nextExpectedRevision).toBe(2n);
  });

  it('"stream_exists" is retried on a concurrent writer, as without a precondition', async () => {
    await runner.run(tally, { streamName: stream, command: add(1), context: context() });
    let appends = 0;
    // A rival writer lands on the stream just before our first append only.
    const rivalled = Object.create(store) as EventStore;
    rivalled.appendToStream = async (streamName, events, options) => {
      const rival = { id: randomUUID(), type: 'Added', data: { n: 0 }, metadata: {} };
      if (appends++ === 0) await store.appendToStream(streamName, [rival], { expectedRevision: 'any' });
      return store.appendToStream(streamName, events, options);
    };
    const result = await new DeciderCommandRunner(rivalled).run(tally, {
      streamName: stream,
      command: add(3),
      context: context(),
      expectedRevision: 'stream_exists',
    });
    expect(result.nextExpectedRevision).toBe(2n);
    expect((await collect(store.readStream(stream))).map((e) => e.data.n)).toEqual([1, 0, 3]);
  });

  it('gives up after maxAttempts when every attempt loses the race', async () => {
    let attempts = 0;
    // The real store, except that a rival writer lands on the stream just before each of our appends.
    const rivalled = Object.create(store) as EventStore;
    rivalled.appendToStream = async (streamName, events, options) => {
      attempts += 1;
      const rival = { id: randomUUID(), type: 'Added', data: { n: 0 }, metadata: {} };
      await store.appendToStream(streamName, [rival], { expectedRevision: 'any' });
      return store.appendToStream(streamName, events, options);
    };
    const bounded = new DeciderCommandRunner(rivalled, { maxAttempts: 3 });
    await expect(
      bounded.run(tally, { streamName: stream, command: add(1), context: context() }),
    ).rejects.toBeInstanceOf(WrongExpectedVersion);
    expect(attempts).toBe(3);
    expect((await collect(store.readStream(stream))).map((e) => e.data.n)).toEqual([0, 0, 0]);
  });

  it('a repeated idempotency key appends nothing and returns the first outcome, even after the stream moved', async () => {
    const request = {
      streamName: stream,
      command: add(7),
      context: context({ idempotencyKey: 'req-1', fingerprint: 'f1' }),
    };
    const first = await runner.run(tally, request);
    await runner.run(tally, { streamName: stream, command: add(1), context: context() });
    const again = await runner.run(tally, request);
    expect(again).toMatchObject({
      replayed: true,
      events: first.events,
      nextExpectedRevision: first.nextExpectedRevision,
      position: first.position,
    });
    expect(again.state).toEqual({ total: 8, adds: 2 });
    expect(await collect(store.readStream(stream))).toHaveLength(2);
    await expect(
      runner.run(tally, { ...request, context: context({ idempotencyKey: 'req-1', fingerprint: 'other' }) }),
    ).rejects.toBeInstanceOf(IdempotencyKeyReused);
  });

  describe('check: would run accept this command now?', () => {
    it('passes what run would append, and appends nothing itself', async () => {
      await runner.check(tally, { streamName: stream, command: add(1), context: context() });
      await runner.run(tally, { streamName: stream, command: add(1), context: context() });
      await runner.check(tally, {
        streamName: stream,
        command: add(2),
        context: context(),
        expectedRevision: 0n,
      });
      expect(await collect(store.readStream(stream))).toHaveLength(1);
    });

    it("throws the decider's refusal", async () => {
      await expect(
        runner.check(tally, { streamName: stream, command: add(-1), context: context() }),
      ).rejects.toThrow('negative');
    });

    it('throws WrongExpectedVersion for a stale pinned revision, on a new or a moved stream', async () => {
      await expect(
        runner.check(tally, {
          streamName: stream,
          command: add(1),
          context: context(),
          expectedRevision: 0n,
        }),
      ).rejects.toMatchObject({ name: 'WrongExpectedVersion', expected: 0n, actual: 'no_stream' });
      await runner.run(tally, { streamName: stream, command: add(1), context: context() });
      await runner.run(tally, { streamName: stream, command: add(1), context: context() });
      await expect(
        runner.check(tally, {
          streamName: stream,
          command: add(1),
          context: context(),
          expectedRevision: 0n,
        }),
      ).rejects.toMatchObject({ name: 'WrongExpectedVersion', expected: 0n, actual: 1n });
      expect(await collect(store.readStream(stream))).toHaveLength(2);
    });

    it('passes a repeat under the same idempotency key (run replays it), even one decide would now refuse or a stale pin', async () => {
      const refusesRepeats: typeof tally = {
        ...tally,
        decide: (command, state) => {
          if (state.adds > 0) throw new RangeError('already added');
          return tally.decide(command, state);
        },
      };
      const request = {
        streamName: stream,
        command: add(4),
        context: context({ idempotencyKey: 'req-9', fingerprint: 'f9' }),
        expectedRevision: -1n,
      };
      await runner.run(refusesRepeats, request);
      await runner.check(refusesRepeats, request);
      await expect(
        runner.check(refusesRepeats, {
          streamName: stream,
          command: add(4),
          context: context({ idempotencyKey: 'other' }),
        }),
      ).rejects.toThrow('already added');
      await expect(
        runner.check(refusesRepeats, {
          ...request,
          context: context({ idempotencyKey: 'req-9', fingerprint: 'another body' }),
        }),
      ).rejects.toBeInstanceOf(IdempotencyKeyReused);
      expect(await collect(store.readStream(stream))).toHaveLength(1);
    });
  });

  it('appends nothing when decide returns no events, and lets domain errors through', async () => {
    const empty = await runner.run(tally, {
      streamName: stream,
      command: { type: 'Nothing', data: {} },
      context: context(),
    });
    expect(empty).toEqual({
      events: [],
      nextExpectedRevision: -1n,
      position: undefined,
      state: tally.initialState,
      replayed: false,
    });
    const added = await runner.run(tally, { streamName: stream, command: add(1), context: context() });
    const unchanged = await runner.run(tally, {
      streamName: stream,
      command: { type: 'Nothing', data: {} },
      context: context(),
    });
    expect(unchanged).toMatchObject({ events: [], nextExpectedRevision: 0n, position: added.position });
    await expect(
      runner.run(tally, { streamName: stream, command: add(-1), context: context() }),
    ).rejects.toThrow('negative');
    expect(await collect(store.readStream(stream))).toHaveLength(1);
  });

  /** A runner that counts its reads of the stream (real reads of the real store). */
  function countingRunner(options: DeciderCommandRunnerOptions = {}): {
    runner: DeciderCommandRunner;
    reads: () => number;
  } {
    let reads = 0;
    const counting = new DeciderCommandRunner(store, {
      ...options,
      readStream: (streamName) => {
        reads += 1;
        return store.readStream(streamName);
      },
    });
    return { runner: counting, reads: () => reads };
  }

  describe('opensStream: a command that usually opens its stream', () => {
    it('opens a new stream without reading it', async () => {
      const { runner: counting, reads } = countingRunner();
      const request = { streamName: stream, command: open, context: context(), opensStream: true };
      const opened = await counting.run(door, request);
      expect(opened).toMatchObject({ nextExpectedRevision: 0n, replayed: false, state: { opened: true } });
      expect(reads()).toBe(0);
      expect((await collect(store.readStream(stream))).map((e) => e.data.personal)).toEqual([CHILD]);
    });

    it('on an existing stream, decides as without it: the refusal on the stream as stored', async () => {
      const { runner: counting, reads } = countingRunner();
      const request = { streamName: stream, command: open, context: context(), opensStream: true };
      await counting.run(door, request);
      await expect(counting.run(door, request)).rejects.toThrow('already open');
      expect(reads()).toBe(1);
      expect(await collect(store.readStream(stream))).toHaveLength(1);
    });

    it('is not tried under an idempotency key: a repeat replays the first outcome', async () => {
      const { runner: counting, reads } = countingRunner();
      const request = {
        streamName: stream,
        command: open,
        context: context({ idempotencyKey: 'open-1', fingerprint: 'body' }),
        opensStream: true,
      };
      const first = await counting.run(door, request);
      const repeat = await counting.run(door, request);
      expect(reads()).toBe(2);
      expect(repeat).toMatchObject({ replayed: true, position: first.position });
      expect(await collect(store.readStream(stream))).toHaveLength(1);
    });
  });

  describe('the state each command leaves, kept for the next one on its stream', () => {
    const keeping = { stateCache: { streams: 100 } };

    it('decides the next command on a stream it wrote without reading the stream', async () => {
      const { runner: counting, reads } = countingRunner(keeping);
      await counting.run(tally, { streamName: stream, command: add(1), context: context() });
      const second = await counting.run(tally, { streamName: stream, command: add(2), context: context() });
      expect(second).toMatchObject({ nextExpectedRevision: 1n, state: { total: 3, adds: 2 } });
      expect(reads()).toBe(1);
      expect((await collect(store.readStream(stream))).map((e) => e.data.n)).toEqual([1, 2]);
    });

    it('reads every time when told to keep no state (the default)', async () => {
      const { runner: counting, reads } = countingRunner();
      await counting.run(tally, { streamName: stream, command: add(1), context: context() });
      await counting.run(tally, { streamName: stream, command: add(2), context: context() });
      expect(reads()).toBe(2);
    });

    it('after another process wrote, decides again on the stream as stored: no update lost', async () => {
      const { runner: ours, reads } = countingRunner(keeping);
      const theirs = new DeciderCommandRunner(store);
      await ours.run(tally, { streamName: stream, command: add(1), context: context() });
      await theirs.run(tally, { streamName: stream, command: add(2), context: context() });
      const result = await ours.run(tally, { streamName: stream, command: add(3), context: context() });
      expect(result).toMatchObject({ nextExpectedRevision: 2n, state: { total: 6, adds: 3 } });
      expect(reads()).toBe(2);
      expect((await collect(store.readStream(stream))).map((e) => e.data.n)).toEqual([1, 2, 3]);
    });

    it('a refusal on a stale state is not the answer: the stream as stored is', async () => {
      // Refuses while the number of adds is odd: true of the state ours kept, not of the stored one.
      const evenOnly: typeof tally = {
        ...tally,
        decide: (command, state) => {
          if (state.adds % 2 === 1) throw new RangeError('odd');
          return tally.decide(command, state);
        },
      };
      const { runner: ours } = countingRunner(keeping);
      await ours.run(tally, { streamName: stream, command: add(1), context: context() });
      await new DeciderCommandRunner(store).run(tally, {
        streamName: stream,
        command: add(1),
        context: context(),
      });
      const result = await ours.run(evenOnly, { streamName: stream, command: add(5), context: context() });
      expect(result).toMatchObject({ nextExpectedRevision: 2n, state: { total: 7, adds: 3 } });
    });

    it('a pinned revision is checked against the stream as stored, not the state kept', async () => {
      const { runner: ours, reads } = countingRunner(keeping);
      await ours.run(tally, { streamName: stream, command: add(1), context: context() });
      await new DeciderCommandRunner(store).run(tally, {
        streamName: stream,
        command: add(1),
        context: context(),
      });
      await expect(
        ours.run(tally, { streamName: stream, command: add(5), context: context(), expectedRevision: 0n }),
      ).rejects.toMatchObject({ name: 'WrongExpectedVersion', expected: 0n, actual: 1n });
      const pinned = await ours.run(tally, {
        streamName: stream,
        command: add(5),
        context: context(),
        expectedRevision: 1n,
      });
      expect(pinned).toMatchObject({ nextExpectedRevision: 2n, state: { total: 7, adds: 3 } });
      expect(reads()).toBe(2);
      expect(await collect(store.readStream(stream))).toHaveLength(3);
    });
  });

  it('folds the stream sealed when read through readStreamSealed: no key is looked up', async () => {
    const sealedRunner = new DeciderCommandRunner(store, {
      readStream: (streamName) => store.readStreamSealed(streamName),
    });
    await runner.run(door, { streamName: stream, command: open, context: context() });
    const knock: DoorCommand = { type: 'Knock', data: {} };
    const sealed = await sealedRunner.run(door, { streamName: stream, command: knock, context: context() });
    expect(isEncryptedPersonalData(sealed.state.personal)).toBe(true);
    const decrypted = await runner.run(door, { streamName: stream, command: knock, context: context() });
    expect(decrypted.state.personal).toEqual(CHILD);
  });
});

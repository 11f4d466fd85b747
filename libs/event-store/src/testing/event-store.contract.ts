import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { WrongExpectedVersion } from '../event-store.errors';
import type {
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  RecordedEvent,
} from '../event-store.port';
import {
  EncryptedEventStore,
  type OpensStreamsWithKey,
} from '../personal-data/encrypted-event-store.decorator';
import { PersonalDataKeyRepository } from '../personal-data/personal-data-key.repository';
import type { OpenTransaction } from './postgres-open-transaction';
import { SubscriptionProbe } from './subscription.probe';

/** One adapter on storage no other test file touches. */
export interface ContractSubject {
  readonly store: EventStore;
  /** PostgreSQL for personal-data keys, which live there whatever the adapter. */
  readonly keysPool: Pool;
  /** The store, if it stores a new stream's key with its first events (its events are in keysPool's database). */
  readonly opensStreamsWithKey?: OpensStreamsWithKey;
  /** Read round trips so far (pages fetched), to prove reads are paged rather than buffered. */
  readRoundTrips(): number;
  /** Holds an append's transaction open: PostgreSQL only (EventStoreDB's log has no late commits). */
  readonly openTransaction?: () => Promise<OpenTransaction>;
  /**
   * Whether re-appending ids already in the stream is refused once the stream has moved on. EventStoreDB
   * instead treats a re-append at the original revision as idempotent and accepts the ids at the end.
   */
  readonly rejectsIdsAfterStreamMoved: boolean;
  dispose(): Promise<void>;
}

/** A test master key: nothing about the suite depends on its value. */
export const TEST_MASTER_KEY = randomBytes(32).toString('base64');

export const CHILD = { firstName: 'Zebedee', lastName: 'Quillfeather', dateOfBirth: '2015-03-09' };

export function newEvent(type = 'TestEvent', data: Record<string, unknown> = {}): NewEvent {
  return { id: randomUUID(), type, data, metadata: { test: true } };
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

async function expectWrongExpectedVersion(
  attempt: Promise<unknown>,
  expected: ExpectedRevision,
  actual: 'no_stream' | bigint,
): Promise<void> {
  const error = await attempt.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(WrongExpectedVersion);
  expect(error).toMatchObject({ expected, actual });
}

function expectStrictlyIncreasing(store: EventStore, events: readonly RecordedEvent[]): void {
  for (let i = 1; i < events.length; i += 1) {
    expect(store.comparePositions(events[i - 1].position, events[i].position)).toBeLessThan(0);
  }
}

/**
 * The behaviour every EventStore adapter must have (DESIGN.md, Event store). Every test writes to its
 * own stream prefix, so the tests share one store and the EventStoreDB run can use a shared server.
 */
export function describeEventStoreContract(adapterName: string, setUp: () => Promise<ContractSubject>): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let subject: ContractSubject;
    let store: EventStore;
    let prefix: string;
    const readAllOf = (options: ReadAllOptions = {}) =>
      collect(subject.store.readAll({ filter: { streamPrefixes: [prefix] }, ...options }));
    const streamOf = (name: string) => collect(store.readStream(name));

    beforeAll(async () => {
      subject = await setUp();
      store = subject.store;
    });
    afterAll(() => subject.dispose());
    beforeEach(() => {
      prefix = `t${randomUUID().replaceAll('-', '').slice(0, 12)}-`;
    });

    describe('expected revision', () => {
      it('appends several events with consecutive revisions and reads them back in order', async () => {
        const events = [newEvent('A', { n: 1 }), newEvent('B', { n: 2 }), newEvent('C', { n: 3 })];
        const result = await store.appendToStream(`${prefix}s`, events, { expectedRevision: 'no_stream' });
        expect(result.nextExpectedRevision).toBe(2n);
        const read = await streamOf(`${prefix}s`);
        expect(read.map((e) => [e.revision, e.id, e.type, e.data])).toEqual(
          events.map((e, i) => [BigInt(i), e.id, e.type, e.data]),
        );
        expect(read[2]).toMatchObject({
          streamName: `${prefix}s`,
          metadata: { test: true },
          position: result.position,
        });
        expect(read[0].recordedAt).toBeInstanceOf(Date);
        expectStrictlyIncreasing(store, read);
      });

      it('no_stream: creates a missing stream, refuses an existing one', async () => {
        await store.appendToStream(`${prefix}s`, [newEvent()], { expectedRevision: 'no_stream' });
        await expectWrongExpectedVersion(
          store.appendToStream(`${prefix}s`, [newEvent()], { expectedRevision: 'no_stream' }),
          'no_stream',
          0n,
        );
      });

      it('stream_exists: refuses a missing stream, appends to an existing one', async () => {
        await expectWrongExpectedVersion(
          store.appendToStream(`${prefix}s`, [newEvent()], { expectedRevision: 'stream_exists' }),
          'stream_exists',
          'no_stream',
        );
        expect(await streamOf(`${prefix}s`)).toEqual([]);
        await store.appendToStream(`${prefix}s`, [newEvent()], { expectedRevision: 'any' });
        const result = await store.appendToStream(`${prefix}s`, [newEvent()], {
          expectedRevision: 'stream_exists',
        });
        expect(result.nextExpectedRevision).toBe(1n);
      });

      it('any: appends whatever the stream state', async () => {
        expect(
          (await store.appendToStream(`${prefix}s`, [newEvent()], { expectedRevision: 'any' }))
            .nextExpectedRevision,
        ).toBe(0n);
        expect(
          (await store.appendToStream(`${prefix}s`, [newEvent()], { expectedRevision: 'any' }))
            .nextExpectedRevision,
        ).toBe(1n);
      });

      it('exact revision: appends only at the stream’s current revision', async () => {
        await expectWrongExpectedVersion(
          store.appendToStream(`${prefix}s`, [newEvent()], { expectedRevision: 0n }),
          0n,
          'no_stream',
        );
        await store.appendToStream(`${prefix}s`, [newEvent(), newEvent()], { expectedRevision: 'no_stream' });
        await expectWrongExpectedVersion(
          store.appendToStream(`${prefix}s`, [newEvent()], { expectedRevision: 0n }),
          0n,
          1n,
        );
        await expectWrongExpectedVersion(
          store.appendToStream(`${prefix}s`, [newEvent()], { expectedRevision: 5n }),
          5n,
          1n,
        );
        const result = await store.appendToStream(`${prefix}s`, [newEvent()], { expectedRevision: 1n });
        expect(result.nextExpectedRevision).toBe(2n);
        expect(await streamOf(`${prefix}s`)).toHaveLength(3);
      });

      it('a refused append writes none of its events', async () => {
        await store.appendToStream(`${prefix}s`, [newEvent()], { expectedRevision: 'no_stream' });
        await expect(
          store.appendToStream(`${prefix}s`, [newEvent(), newEvent()], { expectedRevision: 7n }),
        ).rejects.toBeInstanceOf(WrongExpectedVersion);
        expect(await streamOf(`${prefix}s`)).toHaveLength(1);
      });
    });

    describe('idempotent re-append', () => {
      it('the same ids at the same expected revision succeed and write nothing', async () => {
        const events = [newEvent(), newEvent()];
        const first = await store.appendToStream(`${prefix}s`, events, { expectedRevision: 'no_stream' });
        const again = await store.appendToStream(`${prefix}s`, events, { expectedRevision: 'no_stream' });
        expect(again).toEqual(first);
        const more = [newEvent()];
        const third = await store.appendToStream(`${prefix}s`, more, { expectedRevision: 1n });
        expect(await store.appendToStream(`${prefix}s`, more, { expectedRevision: 1n })).toEqual(third);
        expect((await streamOf(`${prefix}s`)).map((e) => e.id)).toEqual(
          [...events, ...more].map((e) => e.id),
        );
      });

      it('the same ids after the stream moved on are a WrongExpectedVersion', async () => {
        if (!subject.rejectsIdsAfterStreamMoved) {
          console.warn(
            `${adapterName}: re-appends after the stream moved follow EventStoreDB's own idempotency rules`,
          );
          return;
        }
        const events = [newEvent()];
        await store.appendToStream(`${prefix}s`, events, { expectedRevision: 'no_stream' });
        await store.appendToStream(`${prefix}s`, [newEvent()], { expectedRevision: 0n });
        await expectWrongExpectedVersion(
          store.appendToStream(`${prefix}s`, events, { expectedRevision: 'no_stream' }),
          'no_stream',
          1n,
        );
        await expectWrongExpectedVersion(
          store.appendToStream(`${prefix}s`, events, { expectedRevision: 1n }),
          1n,
          1n,
        );
        expect(await streamOf(`${prefix}s`)).toHaveLength(2);
      });
    });

    describe('concurrent appenders on one stream', () => {
      it('50 appenders at the same revision: exactly one wins', async () => {
        await store.appendToStream(`${prefix}s`, [newEvent()], { expectedRevision: 'no_stream' });
        const outcomes = await Promise.allSettled(
          Array.from({ length: 50 }, () =>
            store.appendToStream(`${prefix}s`, [newEvent()], { expectedRevision: 0n }),
          ),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const losers = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
        expect(losers).toHaveLength(49);
        for (const loser of losers) expect(loser).toBeInstanceOf(WrongExpectedVersion);
        expect(await streamOf(`${prefix}s`)).toHaveLength(2);
      });

      it('50 appenders retrying on WrongExpectedVersion: revisions 0..49 exactly once, nothing lost', async () => {
        let conflicts = 0;
        const appendUntilAccepted = async (event: NewEvent) => {
          let expected: ExpectedRevision = 'no_stream';
          for (;;) {
            try {
              return await store.appendToStream(`${prefix}s`, [event], { expectedRevision: expected });
            } catch (error) {
              if (!(error instanceof WrongExpectedVersion)) throw error;
              conflicts += 1;
              expected = error.actual;
            }
          }
        };
        const events = Array.from({ length: 50 }, () => newEvent());
        const results = await Promise.all(events.map(appendUntilAccepted));
        const read = await streamOf(`${prefix}s`);
        expect(read.map((e) => e.revision)).toEqual(Array.from({ length: 50 }, (_, i) => BigInt(i)));
        expect(new Set(read.map((e) => e.id))).toEqual(new Set(events.map((e) => e.id)));
        expect(new Set(results.map((r) => r.nextExpectedRevision)).size).toBe(50);
        expect(conflicts).toBeGreaterThan(0);
      });
    });

    describe('reading', () => {
      it('a missing stream yields nothing; fromRevision starts inside the stream', async () => {
        expect(await streamOf(`${prefix}missing`)).toEqual([]);
        await store.appendToStream(`${prefix}s`, [newEvent(), newEvent(), newEvent()], {
          expectedRevision: 'any',
        });
        const tail = await collect(store.readStream(`${prefix}s`, { fromRevision: 1n }));
        expect(tail.map((e) => e.revision)).toEqual([1n, 2n]);
      });

      it('reads a 10,000-event stream page by page, never all at once', async () => {
        const stream = `${prefix}big`;
        for (let batch = 0; batch < 10; batch += 1) {
          const events = Array.from({ length: 1000 }, (_, i) => newEvent('Big', { n: batch * 1000 + i }));
          await store.appendToStream(stream, events, {
            expectedRevision: batch === 0 ? 'no_stream' : BigInt(batch * 1000 - 1),
          });
        }
        const before = subject.readRoundTrips();
        let count = 0;
        let expectedN = 0;
        for await (const event of store.readStream(stream, { pageSize: 250 })) {
          expect(event.data.n).toBe(expectedN);
          expectedN += 1;
          count += 1;
        }
        expect(count).toBe(10_000);
        // 40 full pages and one empty one: never more than 250 events held.
        expect(subject.readRoundTrips() - before).toBeLessThanOrEqual(41);

        const lazyBefore = subject.readRoundTrips();
        let seen = 0;
        for await (const _event of store.readStream(stream, { pageSize: 250 })) {
          seen += 1;
          if (seen === 300) break;
        }
        expect(subject.readRoundTrips() - lazyBefore).toBe(2);
      });

      it('readAll keeps the global order, filters by stream prefix and stops at maxCount', async () => {
        const other = `o${prefix}`;
        await store.appendToStream(`${prefix}case-1`, [newEvent('A')], { expectedRevision: 'no_stream' });
        await store.appendToStream(`${other}case-1`, [newEvent('X')], { expectedRevision: 'no_stream' });
        await store.appendToStream(`${prefix}case-2`, [newEvent('B'), newEvent('C')], {
          expectedRevision: 'no_stream',
        });
        await store.appendToStream(`${prefix}other-1`, [newEvent('D')], { expectedRevision: 'no_stream' });
        const cases = await readAllOf({ filter: { streamPrefixes: [`${prefix}case-`] } });
        expect(cases.map((e) => e.type)).toEqual(['A', 'B', 'C']);
        expectStrictlyIncreasing(store, cases);
        const both = await readAllOf({ filter: { streamPrefixes: [`${prefix}case-`, `${other}`] } });
        expect(both.map((e) => e.type)).toEqual(['A', 'X', 'B', 'C']);
        expect((await readAllOf({ maxCount: 2, pageSize: 1 })).map((e) => e.type)).toEqual(['A', 'B']);
      });

      it('resuming from a saved checkpoint delivers exactly the events after it', async () => {
        const events = Array.from({ length: 10 }, (_, i) => newEvent('E', { n: i }));
        for (const [i, event] of events.entries()) {
          await store.appendToStream(`${prefix}s-${i % 3}`, [event], { expectedRevision: 'any' });
        }
        const all = await readAllOf();
        const checkpoint = all[3].position;
        const resumed = await readAllOf({ from: checkpoint });
        expect(resumed.map((e) => e.id)).toEqual(events.slice(4).map((e) => e.id));
        expect(store.isAtOrAfter(all[9].position, checkpoint)).toBe(true);
        expect(store.isAtOrAfter(checkpoint, all[9].position)).toBe(false);

        const probe = new SubscriptionProbe(store, {
          from: checkpoint,
          filter: { streamPrefixes: [prefix] },
        });
        await probe.waitForCaughtUp();
        expect(probe.events.map((e) => e.id)).toEqual(events.slice(4).map((e) => e.id));
        expect(probe.items.at(-1)).toEqual({ kind: 'caughtUp', position: all[9].position });
        const live = newEvent('Live');
        const appended = await store.appendToStream(`${prefix}s-0`, [live], { expectedRevision: 'any' });
        await probe.waitForEvents(7);
        await probe.stop();
        expect(probe.events.at(-1)).toMatchObject({ id: live.id, position: appended.position });
        expect(probe.items.filter((i) => i.kind === 'caughtUp')).toHaveLength(1);
      });
    });

    describe('subscribeToAll', () => {
      it('catches up, signals it, then delivers live appends in order, each once', async () => {
        await store.appendToStream(`${prefix}a`, [newEvent('H1'), newEvent('H2')], {
          expectedRevision: 'no_stream',
        });
        await store.appendToStream(`x${prefix}ignored`, [newEvent('Other')], { expectedRevision: 'any' });
        const probe = new SubscriptionProbe(store, { filter: { streamPrefixes: [prefix] } });
        await probe.waitForCaughtUp();
        expect(probe.items.map((i) => (i.kind === 'event' ? i.event.type : i.kind))).toEqual([
          'H1',
          'H2',
          'caughtUp',
        ]);
        const live = Array.from({ length: 5 }, (_, i) => newEvent(`L${i}`));
        await Promise.all(
          live.map((e, i) =>
            store.appendToStream(`${prefix}live-${i}`, [e], { expectedRevision: 'no_stream' }),
          ),
        );
        await probe.waitForEvents(7);
        await store.appendToStream(`${prefix}a`, [newEvent('H3')], { expectedRevision: 1n });
        await probe.waitForEvents(8);
        await probe.stop();
        const ids = probe.events.map((e) => e.id);
        expect(new Set(ids).size).toBe(8);
        expect(new Set(ids.slice(2, 7))).toEqual(new Set(live.map((e) => e.id)));
        expectStrictlyIncreasing(store, probe.events);
        expect((await readAllOf()).map((e) => e.id)).toEqual(ids);
      });

      it('late commit: an older transaction that commits last is delivered, in an order never gone back on', async () => {
        if (!subject.openTransaction) {
          console.warn(`${adapterName}: late commits cannot happen (single-writer log); skipping that part`);
          return;
        }
        const a1 = newEvent('A1');
        const b1 = newEvent('B1');
        // B takes its transaction id first, then A appends (lower global position) and stays open...
        const txB = await subject.openTransaction();
        const txA = await subject.openTransaction();
        let probe: SubscriptionProbe | undefined;
        try {
          await txB.assignTransactionId();
          await txA.append(`${prefix}a`, [a1], 'no_stream');
          // ...B appends (higher global position) and commits.
          await txB.append(`${prefix}b`, [b1], 'no_stream');
          await txB.commit();

          probe = new SubscriptionProbe(store, { filter: { streamPrefixes: [prefix] } });
          await probe.waitForCaughtUp();
          expect(probe.events.map((e) => e.type)).toEqual(['B1']);
          await txA.commit();
          await probe.waitForEvents(2, 3000);
          await store.appendToStream(`${prefix}c`, [newEvent('C1')], { expectedRevision: 'no_stream' });
          await probe.waitForEvents(3);
        } finally {
          await Promise.all([txA.abandon(), txB.abandon(), probe?.stop()]);
        }

        expect(probe.events.map((e) => e.type)).toEqual(['B1', 'A1', 'C1']);
        expectStrictlyIncreasing(store, probe.events);
        const fromCheckpoint = await readAllOf({ from: probe.events[0].position });
        expect(fromCheckpoint.map((e) => e.type)).toEqual(['A1', 'C1']);
      });

      it('readAll returns every event committed before it, waiting out an older transaction still open', async () => {
        if (!subject.openTransaction) {
          console.warn(`${adapterName}: commits cannot be held back (single-writer log); skipping that part`);
          return;
        }
        const older = await subject.openTransaction();
        try {
          await older.assignTransactionId();
          await store.appendToStream(`${prefix}held`, [newEvent('H1')], { expectedRevision: 'no_stream' });
          const reading = readAllOf();
          await new Promise((resolve) => setTimeout(resolve, 200));
          await older.abandon();
          expect((await reading).map((e) => e.type)).toEqual(['H1']);
        } finally {
          await older.abandon();
        }
      });

      it('a rolled-back append never stalls subscribers', async () => {
        if (!subject.openTransaction) {
          console.warn(`${adapterName}: appends cannot be held open and rolled back; skipping that part`);
          return;
        }
        const txA = await subject.openTransaction();
        const b1 = newEvent('B1');
        let probe: SubscriptionProbe | undefined;
        try {
          await txA.append(`${prefix}a`, [newEvent('Rolled back')], 'no_stream');
          await store.appendToStream(`${prefix}b`, [b1], { expectedRevision: 'no_stream' });
          probe = new SubscriptionProbe(store, { filter: { streamPrefixes: [prefix] } });
          // B1 was committed before the subscription, so it is not "caught up" while A holds B1 back...
          await new Promise((resolve) => setTimeout(resolve, 300));
          expect(probe.items).toEqual([]);
          // ...and once A rolls back, B1 comes, then "caught up".
          await txA.rollback();
          await probe.waitForCaughtUp();
          await probe.waitForEvents(1, 3000);
        } finally {
          await Promise.all([txA.abandon(), probe?.stop()]);
        }
        expect(probe.events.map((e) => e.id)).toEqual([b1.id]);
        expect((await readAllOf()).map((e) => e.id)).toEqual([b1.id]);
      });

      it('ends when its signal aborts or its consumer stops', async () => {
        const controller = new AbortController();
        const items: string[] = [];
        const consuming = (async () => {
          for await (const item of store.subscribeToAll({
            filter: { streamPrefixes: [prefix] },
            signal: controller.signal,
          })) {
            items.push(item.kind);
          }
        })();
        await store.appendToStream(`${prefix}s`, [newEvent()], { expectedRevision: 'no_stream' });
        setTimeout(() => controller.abort(), 100);
        await consuming;
        expect(items).toContain('caughtUp');

        let seen = 0;
        for await (const item of store.subscribeToAll({ filter: { streamPrefixes: [prefix] } })) {
          seen += 1;
          if (item.kind === 'caughtUp') break;
        }
        expect(seen).toBe(2);
      });
    });

    describe('personal data', () => {
      let encrypted: EncryptedEventStore;
      const created = (caseRef: string) =>
        newEvent('CaseCreated', { caseRef, team: 'north', personal: CHILD });

      beforeAll(async () => {
        encrypted = new EncryptedEventStore(
          store,
          await PersonalDataKeyRepository.create(subject.keysPool, TEST_MASTER_KEY),
          { opensStreamsWithKey: subject.opensStreamsWithKey },
        );
      });

      it('stores personal data only encrypted and reads it back decrypted', async () => {
        await encrypted.appendToStream(`${prefix}case-1`, [created('R1'), newEvent('Noted', { note: 'n' })], {
          expectedRevision: 'no_stream',
        });
        const stored = await streamOf(`${prefix}case-1`);
        const storedText = JSON.stringify(stored.map((e) => e.data));
        for (const plaintext of Object.values(CHILD)) expect(storedText).not.toContain(plaintext);
        expect(stored[0].data).toMatchObject({ caseRef: 'R1', personal: { enc: 'aes-256-gcm' } });

        const read = await collect(encrypted.readStream(`${prefix}case-1`));
        expect(read.map((e) => e.data)).toEqual([
          { caseRef: 'R1', team: 'north', personal: CHILD },
          { note: 'n' },
        ]);
        const all = await collect(encrypted.readAll({ filter: { streamPrefixes: [prefix] } }));
        expect(all[0].data.personal).toEqual(CHILD);
      });

      it('after erasure reads give personal: null, nothing else changes, other cases keep theirs', async () => {
        await encrypted.appendToStream(`${prefix}case-1`, [created('R1')], { expectedRevision: 'no_stream' });
        await encrypted.appendToStream(`${prefix}case-2`, [created('R2')], { expectedRevision: 'no_stream' });
        const before = await collect(encrypted.readStream(`${prefix}case-1`));

        await encrypted.erasePersonalData(`${prefix}case-1`);

        const after = await collect(encrypted.readStream(`${prefix}case-1`));
        expect(after).toEqual([{ ...before[0], data: { caseRef: 'R1', team: 'north', personal: null } }]);
        expect((await collect(encrypted.readStream(`${prefix}case-2`)))[0].data.personal).toEqual(CHILD);
        const all = await collect(encrypted.readAll({ filter: { streamPrefixes: [prefix] } }));
        expect(all.map((e) => e.data.personal)).toEqual([null, CHILD]);
        const probe = new SubscriptionProbe(encrypted, { filter: { streamPrefixes: [prefix] } });
        await probe.waitForCaughtUp();
        await probe.stop();
        expect(probe.events.map((e) => e.data.personal)).toEqual([null, CHILD]);
      });
    });
  });
}

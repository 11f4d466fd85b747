import { randomUUID } from 'node:crypto';
import { InvalidPosition } from '@ehcp/event-store';
import { on } from '../../../domain/src/testing/case-events';
import { ProjectionHarness } from '../../../../test/support/projection.harness';
import { READ_MODELS_CHECKPOINT_CHANNEL, ReadModelPosition } from './read-model-position';

/** Longer than any wait below: a wait that ends early was woken by a notification, not by its poll. */
const NEVER_POLL_MS = 600_000;

describe('read-your-writes position', () => {
  let harness: ProjectionHarness;
  let position: ReadModelPosition;
  beforeAll(async () => {
    harness = await ProjectionHarness.start('rm_position');
    position = new ReadModelPosition(harness.dataSource, harness.store);
  });
  afterAll(async () => {
    await position.onModuleDestroy();
    await harness.close();
  });

  const appendCase = async () => {
    const caseId = randomUUID();
    const { position: written } = await harness.append(caseId, [
      on.requestReceived({ caseId, requestReceivedOn: '2025-01-06' }),
    ]);
    return written;
  };

  it('waits until the projection includes a position, and gives up after the timeout', async () => {
    const written = await appendCase();
    const started = Date.now();
    expect(await position.waitFor(written, 200)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    // No notification here (the harness projects without one): the poll finds the commit.
    const waiting = position.waitFor(written, 30_000);
    await harness.project();
    expect(await waiting).toBe(true);
    expect(await position.current()).toBe(written);
  });

  it("wakes every waiter on the projector's notification, long before their next poll", async () => {
    const listening = new ReadModelPosition(harness.dataSource, harness.store, NEVER_POLL_MS);
    await listening.onModuleInit();
    try {
      const written = await appendCase();
      // Several at once: they share the checkpoint read a notification triggers.
      const waiting = Promise.all(Array.from({ length: 5 }, () => listening.waitFor(written, 60_000)));
      await harness.project();
      await harness.db.query('select pg_notify($1, $2)', [READ_MODELS_CHECKPOINT_CHANNEL, written]);
      const started = Date.now();
      expect(await waiting).toEqual([true, true, true, true, true]);
      // Generous for a busy machine; the poll alone would have taken the whole minute.
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      await listening.onModuleDestroy();
    }
  });

  it("answers from the checkpoint the projector's notification names, without a query of its own", async () => {
    const listening = new ReadModelPosition(harness.dataSource, harness.store, NEVER_POLL_MS);
    await listening.onModuleInit();
    try {
      const written = await appendCase();
      const reads = jest.spyOn(listening, 'current');
      const waiting = listening.waitFor(written, 20_000);
      // Another sender's payload is not a checkpoint: the waiter reads the table and waits on.
      await harness.db.query('select pg_notify($1, $2)', [READ_MODELS_CHECKPOINT_CHANNEL, 'not-a-position']);
      // Not projected here: only the announced checkpoint can end the wait before its timeout.
      await harness.db.query('select pg_notify($1, $2)', [READ_MODELS_CHECKPOINT_CHANNEL, written]);

      expect(await waiting).toBe(true);
      expect(reads.mock.calls.length).toBeLessThanOrEqual(2);
      // A later wait for a position already announced is answered at once, with no read at all.
      reads.mockClear();
      expect(await listening.waitFor(written, 20_000)).toBe(true);
      expect(reads).not.toHaveBeenCalled();
    } finally {
      await listening.onModuleDestroy();
    }
  });

  it('refuses a position the store never issued', async () => {
    await expect(position.waitFor('not-a-position', 100)).rejects.toBeInstanceOf(InvalidPosition);
  });
});

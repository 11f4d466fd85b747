import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { metricsRegistry } from '@ehcp/config';
import { PROJECTIONS, type Projection } from '@ehcp/read-models';
import type { Client } from 'pg';
import {
  caseSummaryProjection,
  type CaseSummaryRow,
} from '../../../../libs/read-models/src/projections/case-summary.projection';
import { NO_CHANGES } from '../../../../libs/read-models/src/projections/projection.types';
import { on } from '../../../../libs/domain/src/testing/case-events';
import { syntheticCase } from '../../../../libs/read-models/src/testing/synthetic-caseload';
import { ProjectionHarness } from '../../../../test/support/projection.harness';
import { rebuildProjections } from '../rebuild/projections.rebuild';
import { BatchApplier } from './batch.applier';
import { ProjectionRunner } from './projection.runner';
import { connectSqlClient, type SqlClient } from './sql-client';
import { eventually } from '../../../../test/support/eventually';

jest.setTimeout(120_000);

const batchFailures = async () =>
  (await metricsRegistry.getSingleMetric('ehcp_projection_batch_failures_total')?.get())?.values[0]?.value ??
  0;

describe('projection dead letters: what is parked and what is not', () => {
  let harness: ProjectionHarness;
  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(async () => {
    harness = await ProjectionHarness.start('rm_dead_letters');
  });
  afterEach(() => harness.close());

  const deadLetters = () =>
    harness.query<{ caseId: string; revision: number; status: string; error: string | null }>(
      `select case_id as "caseId", revision::int, status, error from projection_dead_letter order by 1, 2`,
    );
  const appendCases = async (count: number, offset = 0) => {
    let events = 0;
    for (let index = offset; index < offset + count; index += 1) {
      const caseId = randomUUID();
      const stream = syntheticCase(caseId, index);
      await harness.append(caseId, stream);
      events += stream.length;
    }
    return events;
  };
  const projectedEvents = async () =>
    (await harness.query<{ n: number }>('select coalesce(sum(event_count), 0)::int as n from case_state'))[0]
      .n;

  /** Runs a runner on `db` until `done` holds (or times out), then stops it. */
  async function runUntil(runner: ProjectionRunner, db: SqlClient, done: () => Promise<boolean>) {
    const stop = new AbortController();
    const running = runner.run(db, stop.signal);
    try {
      await eventually(done, (value) => value);
    } finally {
      stop.abort();
      await running;
    }
  }

  it('a lock timeout on a healthy connection is retried for ever and parks nothing', async () => {
    const total = await appendCases(5);
    const holder = await connectSqlClient(harness.database.url, () => undefined);
    const projector = await connectSqlClient(harness.database.url, () => undefined);
    await projector.query(`set lock_timeout = '100ms'`);
    await holder.query('begin');
    await holder.query('lock table case_summary in access exclusive mode');
    const runner = new ProjectionRunner(harness.store, harness.applier, {
      maxBackoffMs: 50,
      isolateAfterFailures: 1,
    });
    const stop = new AbortController();
    const running = runner.run(projector, stop.signal);
    try {
      const failuresBefore = await batchFailures();
      await eventually(batchFailures, (failures) => failures >= failuresBefore + 4);
      expect(await batchFailures()).toBeGreaterThanOrEqual(failuresBefore + 4);
      expect(await deadLetters()).toEqual([]);
      await holder.query('rollback');
      expect(await eventually(projectedEvents, (n) => n === total)).toBe(total);
    } finally {
      stop.abort();
      await running;
      await holder.end();
      await projector.end();
    }
    expect(await deadLetters()).toEqual([]);
  });

  it("the projector's connection killed mid-batch (pg_terminate_backend) parks nothing", async () => {
    const total = await appendCases(5);
    const victim: Client = await connectSqlClient(harness.database.url, () => undefined);
    const [{ pid }] = (await victim.query<{ pid: number }>('select pg_backend_pid() as pid')).rows;
    let killed = false;
    // Kills its own session just before the first write of a batch, as an operator or a failover would.
    const killing: SqlClient = {
      query: async (text: string, values?: unknown[]) => {
        if (!killed && text.includes('insert into public.case_summary')) {
          killed = true;
          await harness.query('select pg_terminate_backend($1)', [pid]);
        }
        return victim.query(text, values);
      },
    } as SqlClient;
    const failuresBefore = await batchFailures();
    const runner = () =>
      new ProjectionRunner(harness.store, harness.applier, { maxBackoffMs: 50, isolateAfterFailures: 1 });
    await runUntil(runner(), killing, async () => (await batchFailures()) >= failuresBefore + 4);
    expect(killed).toBe(true);
    expect(await deadLetters()).toEqual([]);
    await victim.end().catch(() => undefined);

    // As the leadership does: a new session carries on from the checkpoint.
    const fresh = await connectSqlClient(harness.database.url, () => undefined);
    try {
      await runUntil(runner(), fresh, async () => (await projectedEvents()) === total);
    } finally {
      await fresh.end();
    }
    expect(await projectedEvents()).toBe(total);
    expect(await deadLetters()).toEqual([]);
  });

  it('an event that fails once but applies when tried again on its own is not parked', async () => {
    let calls = 0;
    const flaky: Projection<CaseSummaryRow> = {
      ...caseSummaryProjection,
      handles: ['AssessmentDecisionMade'],
      project: () => {
        calls += 1;
        // The batch, then the first try on its own: the second try on its own applies.
        if (calls <= 2) throw new Error('a passing glitch');
        return NO_CHANGES;
      },
    };
    const caseId = randomUUID();
    await harness.append(caseId, [
      on.requestReceived({ caseId, requestReceivedOn: '2025-01-06' }),
      on.assessed('2025-02-01'),
    ]);
    const runner = new ProjectionRunner(
      harness.store,
      new BatchApplier('legal', harness.store, [...PROJECTIONS, flaky]),
      {
        maxBackoffMs: 50,
        isolateAfterFailures: 1,
      },
    );
    await runUntil(runner, harness.db, async () => (await projectedEvents()) === 2);
    expect(await projectedEvents()).toBe(2);
    expect(calls).toBe(3);
    expect(await deadLetters()).toEqual([]);
  });

  it('a rebuild parks a poisoned event in its shadow dead letters and swaps them in with the rest', async () => {
    const poisoned = randomUUID();
    await appendCases(3);
    // A date PostgreSQL's date column refuses, straight into the store.
    await harness.append(poisoned, [
      on.requestReceived({ caseId: poisoned, requestReceivedOn: '0000-02-29' }),
    ]);
    await appendCases(3, 3);
    await harness.append(poisoned, [on.caseworkerAssigned('cw-1', '2025-01-07')]);
    await appendCases(3, 6);
    await harness.project();
    const live = { rows: await harness.snapshot(), letters: await deadLetters() };
    expect(live.letters).toEqual([
      { caseId: poisoned, revision: 0, status: 'parked', error: expect.stringMatching(/^22008 /) },
      { caseId: poisoned, revision: 1, status: 'blocked', error: null },
    ]);
    expect(live.letters[0].error).not.toContain('0000-02-29');
    expect(await harness.query('select 1 from case_state where case_id = $1', [poisoned])).toEqual([]);
    const [{ stored }] = await harness.query<{ stored: number }>(
      'select count(*)::int as stored from es_events',
    );
    expect(await projectedEvents()).toBe(stored - 2);

    // Flushed on the one connection, then on a second one beside the fold: the refused flush is
    // found either way; and with room for two cases, flushes commit before the refused one, some of
    // their cases' changes held back, and the catch-up goes on from where they left the checkpoint.
    for (const [second, workingSetCases] of [
      [false, undefined],
      [true, undefined],
      [false, 2],
      [true, 2],
    ] as const) {
      const db = await connectSqlClient(harness.database.url, () => undefined);
      const flushDb = second ? await connectSqlClient(harness.database.url, () => undefined) : undefined;
      try {
        const result = await rebuildProjections(db, harness.store, harness.applier, {
          batchSize: 7,
          workingSetCases,
          flushDb,
        });
        expect(result.events).toBe(stored);
        expect(result.parked).toBe(2);
      } finally {
        await flushDb?.end();
        await db.end();
      }
      expect({ rows: await harness.snapshot(), letters: await deadLetters() }).toEqual(live);
    }
    // The swapped-in table kept its indexes (the unresolved one every batch uses).
    expect(
      await harness.query(
        `select indexname from pg_indexes where tablename = 'projection_dead_letter' order by 1`,
      ),
    ).toEqual([
      { indexname: 'projection_dead_letter_pkey' },
      { indexname: 'projection_dead_letter_unresolved' },
    ]);
  });

  it('a rebuild refused late keeps the letters of events it parked while holding other cases back', async () => {
    // Given, in log order: a case; b's request; an orphan the domain refuses (no request) and its next
    // event, parked behind it; a whole case; b's next event; another whole case; the rest of b's; a
    // case whose date PostgreSQL refuses.
    const [b, orphan, poisoned] = [randomUUID(), randomUUID(), randomUUID()];
    const bEvents = syntheticCase(b, 5);
    await appendCases(1);
    await harness.append(b, bEvents.slice(0, 1));
    await harness.append(orphan, [on.caseworkerAssigned('cw-1', '2025-01-07')]);
    await harness.append(orphan, [on.caseworkerAssigned('cw-2', '2025-01-08')]);
    await appendCases(1, 2);
    await harness.append(b, bEvents.slice(1, 2));
    await appendCases(1, 3);
    await harness.append(b, bEvents.slice(2));
    await harness.append(poisoned, [
      on.requestReceived({ caseId: poisoned, requestReceivedOn: '0000-02-29' }),
    ]);
    await harness.project();
    const live = { rows: await harness.snapshot(), letters: await deadLetters() };
    expect(live.letters.map(({ caseId, status }) => [caseId, status])).toEqual(
      [
        [orphan, 'parked'],
        [orphan, 'blocked'],
        [poisoned, 'parked'],
      ].sort(([x], [y]) => x.localeCompare(y)),
    );

    // When rebuilt with room for four cases, event by event: the first flush, with the orphan's letters,
    // comes at the second whole case, while b, begun before them, stays in memory; the last is refused.
    for (const second of [false, true]) {
      const db = await connectSqlClient(harness.database.url, () => undefined);
      const flushDb = second ? await connectSqlClient(harness.database.url, () => undefined) : undefined;
      try {
        const result = await rebuildProjections(db, harness.store, harness.applier, {
          batchSize: 1,
          workingSetCases: 4,
          flushDb,
        });
        expect(result.parked).toBe(3);
      } finally {
        await flushDb?.end();
        await db.end();
      }
      process.stderr.write(
        'LETTERS ' + JSON.stringify(await harness.query('select * from projection_dead_letter')) + '\n',
      );
      // Then the catch-up from the refused flush's checkpoint did not park the orphan's events anew.
      expect({ rows: await harness.snapshot(), letters: await deadLetters() }).toEqual(live);
    }
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import { Logger, type LoggerService } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { metricsRegistry } from '@ehcp/config';
import { caseStreamOf, type EhcpCaseEvent } from '@ehcp/domain';
import { EncryptedEventStore, PersonalDataKeyRepository } from '@ehcp/event-store';
import { PROJECTIONS, type Projection } from '@ehcp/read-models';
import { Pool } from 'pg';
import {
  caseSummaryProjection,
  type CaseSummaryRow,
} from '../../../../libs/read-models/src/projections/case-summary.projection';
import { NO_CHANGES } from '../../../../libs/read-models/src/projections/projection.types';
import { CHILD, on } from '../../../../libs/domain/src/testing/case-events';
import { newEventsOf } from '../../../../libs/read-models/src/testing/new-events';
import { syntheticCase } from '../../../../libs/read-models/src/testing/synthetic-caseload';
import { ProjectionHarness } from '../../../../test/support/projection.harness';
import { BatchApplier } from '../engine/batch.applier';
import { ProjectionRunner } from '../engine/projection.runner';
import { connectSqlClient } from '../engine/sql-client';
import { rebuildProjections } from '../rebuild/projections.rebuild';
import { DeadLetterMonitor } from './dead-letter.monitor';
import { retryDeadLetters } from './dead-letter.retry';
import { DeadLetterSummary } from './dead-letter.summary';
import { eventually } from '../../../../test/support/eventually';

jest.setTimeout(120_000);

/** Every log line of the run, as text: nothing of a child may be in it. */
class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  // Errors with every property a JSON logger would print (pino's err serializer: message, stack, detail, where...).
  private capture = (...args: unknown[]) =>
    void this.lines.push(
      JSON.stringify(args, (_key, value: unknown) =>
        value instanceof Error ? { ...value, message: value.message, stack: value.stack } : value,
      ),
    );
  log = this.capture;
  error = this.capture;
  warn = this.capture;
  debug = this.capture;
  verbose = this.capture;
}

/**
 * Issue 12, finding 1: one event the projector cannot apply must not stop it. Events go straight into
 * the store (the api's validation bypassed): a child's name with a NUL (PostgreSQL's text refuses
 * it), and an event a projection with a bug throws on (fixed later, as a deployment would).
 */
describe('projector dead letters', () => {
  const logs = new CapturingLogger();
  let harness: ProjectionHarness;
  let pool: Pool;
  let store: EncryptedEventStore;
  /** The bug: the projection below throws on this case's assessment decision. */
  let broken = true;
  const poisonedCase = randomUUID();
  const buggy: Projection<CaseSummaryRow> = {
    ...caseSummaryProjection,
    handles: ['AssessmentDecisionMade'],
    project: (_rows, change) => {
      if (broken && change.caseId === poisonedCase) throw new TypeError('cannot read the decision');
      return NO_CHANGES;
    },
  };
  const applier = () => new BatchApplier('legal', harness.store, [...PROJECTIONS, buggy]);

  beforeAll(async () => {
    Logger.overrideLogger(logs);
    harness = await ProjectionHarness.start('projector_dead_letters');
    pool = new Pool({ connectionString: harness.database.url, max: 4 });
    const keys = await PersonalDataKeyRepository.create(pool, randomBytes(32).toString('base64'));
    store = new EncryptedEventStore(harness.store, keys);
  });
  afterAll(async () => {
    Logger.overrideLogger(false);
    await store.close();
    await pool.end();
    await harness.close();
  });

  const append = (caseId: string, events: readonly EhcpCaseEvent[]) =>
    store.appendToStream(caseStreamOf(caseId), newEventsOf(events), { expectedRevision: 'any' });
  const deadLetters = () =>
    harness.query<{ caseId: string; revision: number; status: string; error: string | null }>(
      `select case_id as "caseId", revision::int, status, error from projection_dead_letter
        where status <> 'resolved' order by case_id, revision`,
    );
  const eventCount = async (caseId: string) =>
    (
      await harness.query<{ n: number }>('select event_count as n from case_state where case_id = $1', [
        caseId,
      ])
    )[0]?.n ?? 0;

  it('parks what fails, projects every other case, reports it, and a retry after the fix applies it', async () => {
    const before = randomUUID();
    const nulCase = randomUUID();
    const after = randomUUID();
    const nulChild = { ...CHILD, firstName: 'Zoeprefix\u0000e', lastName: 'Poisonedname' };
    await append(nulCase, [
      on.requestReceived({ caseId: nulCase, personal: nulChild, requestReceivedOn: '2025-01-06' }),
    ]);
    await append(before, syntheticCase(before, 6).slice(0, 2));
    await append(nulCase, [on.caseworkerAssigned('cw-1', '2025-01-07')]);
    await append(poisonedCase, [
      on.requestReceived({ caseId: poisonedCase, requestReceivedOn: '2025-01-06' }),
      on.assessed('2025-02-01'),
    ]);
    await append(before, syntheticCase(before, 6).slice(2));
    await append(poisonedCase, [on.caseworkerAssigned('cw-2', '2025-02-05')]);
    await append(after, syntheticCase(after, 7));

    // Small batches: the first fails on the NUL alone, when PostgreSQL refuses the row.
    const runner = new ProjectionRunner(store, applier(), {
      batchSize: 4,
      maxBackoffMs: 50,
      isolateAfterFailures: 3,
    });
    const stop = new AbortController();
    const running = runner.run(harness.db, stop.signal);
    try {
      // The case appended after both poisoned events is projected whole.
      const projected = await eventually(
        () => eventCount(after),
        (n) => n === syntheticCase(after, 7).length,
      );
      expect(projected).toBe(syntheticCase(after, 7).length);
    } finally {
      stop.abort();
      await running;
    }
    expect(await eventCount(before)).toBe(syntheticCase(before, 6).length);
    // The poisoned case stops at its last good event; its later event waits behind the parked one.
    expect(await eventCount(poisonedCase)).toBe(1);
    expect(await eventCount(nulCase)).toBe(0);
    const letters = await deadLetters();
    expect(letters).toEqual(
      expect.arrayContaining([
        { caseId: poisonedCase, revision: 1, status: 'parked', error: 'TypeError: cannot read the decision' },
        { caseId: poisonedCase, revision: 2, status: 'blocked', error: null },
        { caseId: nulCase, revision: 0, status: 'parked', error: expect.stringMatching(/^22P05 /) },
        { caseId: nulCase, revision: 1, status: 'blocked', error: null },
      ]),
    );
    expect(letters).toHaveLength(4);

    // Reported: a gauge read from the table, the counter, and the readiness detail (still up).
    const monitor = new DeadLetterMonitor(
      new DeadLetterSummary(harness.dataSource),
      new HealthIndicatorService(),
    );
    expect(await monitor.isReady()).toEqual({
      deadLetters: { status: 'up', parked: 2, blocked: 2, cases: 2 },
    });
    const gauge = await metricsRegistry.getSingleMetricAsString('ehcp_projection_dead_letters');
    expect(gauge).toContain('ehcp_projection_dead_letters{status="parked"} 2');
    expect(gauge).toContain('ehcp_projection_dead_letters{status="blocked"} 2');
    const counter = await metricsRegistry.getSingleMetricAsString('ehcp_projection_events_parked_total');
    expect(counter).toMatch(/ehcp_projection_events_parked_total\{status="parked"\} [1-9]/);

    // Logged with position and type, never with the child's data.
    const parkedLogs = logs.lines.filter((line) => line.includes('parked in the dead-letter table'));
    expect(parkedLogs.some((line) => line.includes('"eventType":"RequestReceived"'))).toBe(true);
    expect(parkedLogs.every((line) => line.includes('"position"'))).toBe(true);
    const everything = logs.lines.join('\n') + JSON.stringify(letters);
    for (const secret of ['Zoeprefix', 'Poisonedname', 'Amelia', 'Khan', CHILD.dateOfBirth])
      expect(everything).not.toContain(secret);

    // The fix is deployed; the retry re-applies the poisoned case and leaves the NUL where it was,
    // beside a running projector while the poisoned case gets a new event.
    broken = false;
    const db = await connectSqlClient(harness.database.url, () => undefined);
    const stopLive = new AbortController();
    const live = new ProjectionRunner(store, applier(), { maxBackoffMs: 50 }).run(
      harness.db,
      stopLive.signal,
    );
    try {
      const closing = append(poisonedCase, [on.closed('2025-02-10')]);
      const outcomes = await retryDeadLetters(db, store, applier());
      await closing;
      expect(outcomes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ caseId: poisonedCase, stillParked: null, stillBlocked: 0 }),
          {
            caseId: nulCase,
            resolved: 0,
            stillParked: expect.objectContaining({ revision: 0, status: 'parked' }),
            stillBlocked: 1,
          },
        ]),
      );
      expect(
        await eventually(
          () => eventCount(poisonedCase),
          (n) => n === 4,
        ),
      ).toBe(4);
    } finally {
      stopLive.abort();
      await live;
      await db.end();
    }
    expect(await harness.query('select stage from case_summary where case_id = $1', [poisonedCase])).toEqual([
      { stage: 'closed' },
    ]);
    expect(await deadLetters()).toEqual([
      { caseId: nulCase, revision: 0, status: 'parked', error: expect.stringMatching(/^22P05 /) },
      { caseId: nulCase, revision: 1, status: 'blocked', error: null },
    ]);
    expect(await monitor.isReady()).toEqual({
      deadLetters: { status: 'up', parked: 1, blocked: 1, cases: 1 },
    });

    // The read models (and what is still parked) equal a clean rebuild's.
    const retried = { rows: await harness.snapshot(), letters: await deadLetters() };
    const rebuildDb = await connectSqlClient(harness.database.url, () => undefined);
    try {
      const result = await rebuildProjections(rebuildDb, store, applier());
      expect(result.parked).toBe(2);
    } finally {
      await rebuildDb.end();
    }
    expect({ rows: await harness.snapshot(), letters: await deadLetters() }).toEqual(retried);
  });
});

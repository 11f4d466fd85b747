import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { metricsRegistry } from '@ehcp/config';
import {
  CHECKPOINT_NAME,
  PROJECTIONS,
  READ_MODELS_CHECKPOINT_CHANNEL,
  type Projection,
} from '@ehcp/read-models';
import {
  caseSummaryProjection,
  type CaseSummaryRow,
} from '../../../../libs/read-models/src/projections/case-summary.projection';
import { NO_CHANGES } from '../../../../libs/read-models/src/projections/projection.types';
import { on } from '../../../../libs/domain/src/testing/case-events';
import { ProjectionHarness } from '../../../../test/support/projection.harness';
import { BatchApplier } from './batch.applier';
import { ProjectionRunner } from './projection.runner';
import { connectSqlClient } from './sql-client';
import { eventually } from '../../../../test/support/eventually';

// Each test waits for real projection work (see `eventually`), slow on a busy CI machine.
jest.setTimeout(180_000);

describe('projection runner', () => {
  let harness: ProjectionHarness;
  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(async () => {
    harness = await ProjectionHarness.start('rm_runner');
  });
  afterEach(() => harness.close());

  const eventCounts = () =>
    harness.query<{ cases: number; events: number; exact: number }>(
      `select count(*)::int as cases, coalesce(sum(event_count), 0)::int as events,
              count(*) filter (where event_count = revision + 1)::int as exact from case_state`,
    );

  it('catches up in batches, then follows new events as they are appended, announcing each commit', async () => {
    await harness.appendSyntheticCases(Array.from({ length: 40 }, () => randomUUID()));
    const [{ total }] = await harness.query<{ total: number }>(
      'select count(*)::int as total from es_events',
    );
    // What the api's read-your-writes waits hear: the checkpoint of every batch committed.
    const listener = await connectSqlClient(harness.database.url, () => undefined);
    const announced: (string | undefined)[] = [];
    listener.on('notification', (message) => announced.push(message.payload));
    await listener.query(`listen ${READ_MODELS_CHECKPOINT_CHANNEL}`);
    const runner = new ProjectionRunner(harness.store, harness.applier, { batchSize: 50 });
    const stop = new AbortController();
    const running = runner.run(harness.db, stop.signal);
    try {
      const [caughtUp] = await eventually(eventCounts, ([counts]) => counts.events === total);
      expect(caughtUp).toEqual({ cases: 40, events: total, exact: 40 });

      // How fast it follows is measured by `npm run bench` (read-model lag), not asserted here.
      const caseId = randomUUID();
      await harness.append(caseId, [on.requestReceived({ caseId, requestReceivedOn: '2025-01-06' })]);
      const rows = await eventually(
        () => harness.query('select 1 from case_summary where case_id = $1', [caseId]),
        (found) => found.length === 1,
      );
      expect(rows).toHaveLength(1);
      const [stored] = await harness.query<{ position: string }>(
        'select position from projection_checkpoint where name = $1',
        [CHECKPOINT_NAME],
      );
      expect(
        await eventually(
          async () => announced,
          (payloads) => payloads.includes(stored.position),
        ),
      ).toContain(stored.position);
    } finally {
      stop.abort();
      await running;
      await listener.end();
    }
    const metrics = await metricsRegistry.getSingleMetricAsString('ehcp_projection_events_processed_total');
    expect(metrics).toMatch(/ehcp_projection_events_processed_total \d+/);
  });

  it('retries a failing batch with backoff and never skips it', async () => {
    let failures = 0;
    const flaky: Projection<CaseSummaryRow> = {
      ...caseSummaryProjection,
      handles: ['AssessmentDecisionMade'],
      project: () => {
        failures += 1;
        if (failures <= 3) throw new Error('transient failure');
        return NO_CHANGES;
      },
    };
    const applier = new BatchApplier('legal', harness.store, [...PROJECTIONS, flaky]);
    const caseId = randomUUID();
    await harness.append(caseId, [
      on.requestReceived({ caseId, requestReceivedOn: '2025-01-06' }),
      on.assessed('2025-02-01'),
      on.closed('2025-02-10'),
    ]);
    const runner = new ProjectionRunner(harness.store, applier, { maxBackoffMs: 50 });
    const stop = new AbortController();
    const running = runner.run(harness.db, stop.signal);
    try {
      const [row] = await eventually(
        () => harness.query<{ stage: string }>('select stage from case_summary where case_id = $1', [caseId]),
        (found) => found[0]?.stage === 'closed',
      );
      expect(row).toEqual({ stage: 'closed' });
      expect(failures).toBe(4);
      expect(await eventCounts()).toEqual([{ cases: 1, events: 3, exact: 1 }]);
    } finally {
      stop.abort();
      await running;
    }
  });

  it('a batch that keeps failing shows as a lag in events and in seconds, cleared once it passes', async () => {
    const gauge = async (name: string) =>
      (await metricsRegistry.getSingleMetric(name)!.get()).values[0]?.value ?? Number.NaN;
    let failing = true;
    const stuck: Projection<CaseSummaryRow> = {
      ...caseSummaryProjection,
      handles: ['AssessmentDecisionMade'],
      project: () => {
        // A transient failure (SQLSTATE class 08, connection): retried for ever, never parked.
        if (failing) throw Object.assign(new Error('connection failure'), { code: '08006' });
        return NO_CHANGES;
      },
    };
    const caseId = randomUUID();
    await harness.append(caseId, [
      on.requestReceived({ caseId, requestReceivedOn: '2025-01-06' }),
      on.assessed('2025-02-01'),
    ]);
    // The metrics' clock an hour ahead of the store's: the first unapplied event is an hour old.
    const runner = new ProjectionRunner(
      harness.store,
      new BatchApplier('legal', harness.store, [...PROJECTIONS, stuck]),
      {
        maxBackoffMs: 50,
        lagProbeMs: 20,
        now: () => new Date(Date.now() + 3_600_000),
      },
    );
    const stop = new AbortController();
    const running = runner.run(harness.db, stop.signal);
    try {
      const lagSeconds = await eventually(
        () => gauge('ehcp_projection_lag_seconds'),
        (seconds) => seconds >= 3_600,
      );
      expect(lagSeconds).toBeGreaterThanOrEqual(3_600);
      expect(lagSeconds).toBeLessThan(3_660);
      expect(await gauge('ehcp_projection_lag_events')).toBe(2);

      failing = false;
      expect(
        await eventually(
          () => gauge('ehcp_projection_lag_events'),
          (events) => events === 0,
        ),
      ).toBe(0);
      expect(await eventCounts()).toEqual([{ cases: 1, events: 2, exact: 1 }]);
    } finally {
      stop.abort();
      await running;
    }
  });

  it('two writers at once (a split brain): every event is applied exactly once', async () => {
    await harness.appendSyntheticCases(Array.from({ length: 60 }, () => randomUUID()));
    const [{ total }] = await harness.query<{ total: number }>(
      'select count(*)::int as total from es_events',
    );
    const other = await connectSqlClient(harness.database.url, () => undefined);
    const stop = new AbortController();
    const runners = [harness.db, other].map((db) =>
      new ProjectionRunner(harness.store, harness.applier, { batchSize: 20 }).run(db, stop.signal),
    );
    try {
      const [counts] = await eventually(eventCounts, ([c]) => c.events >= total);
      expect(counts).toEqual({ cases: 60, events: total, exact: 60 });
    } finally {
      stop.abort();
      await Promise.all(runners);
      await other.end();
    }
  });
});

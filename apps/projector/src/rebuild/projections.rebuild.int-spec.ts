import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { deadlinesOf, replay, type EhcpCaseEvent } from '@ehcp/domain';
import { syntheticCase } from '../../../../libs/read-models/src/testing/synthetic-caseload';
import { hookedSqlClient } from '../../../../test/support/hooked-sql-client';
import { ProjectionHarness } from '../../../../test/support/projection.harness';
import { BatchApplier } from '../engine/batch.applier';
import { ProjectionRunner } from '../engine/projection.runner';
import { connectSqlClient } from '../engine/sql-client';
import { rebuildProjections } from './projections.rebuild';

describe('projections rebuild', () => {
  let harness: ProjectionHarness;
  const streams = new Map<string, EhcpCaseEvent[]>();

  beforeAll(async () => {
    Logger.overrideLogger(false);
    harness = await ProjectionHarness.start('rm_rebuild');
    // Built incrementally, in rounds: deadline rows pass through their intermediate states.
    const cases = Array.from({ length: 240 }, (_, index) => {
      const caseId = randomUUID();
      const events = syntheticCase(caseId, index);
      streams.set(caseId, events);
      return { caseId, events };
    });
    for (const round of [0, 1, 2]) {
      for (const { caseId, events } of cases) {
        const part = events.slice(
          Math.floor((round * events.length) / 3),
          Math.floor(((round + 1) * events.length) / 3),
        );
        if (part.length > 0) await harness.append(caseId, part);
      }
      await harness.project(97);
    }
  }, 60_000);
  afterAll(() => harness.close());

  const indexes = () =>
    harness.query(
      `select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by tablename, indexname`,
    );
  const outboxSize = async () =>
    (await harness.query<{ n: number }>('select count(*)::int as n from alert_outbox'))[0].n;

  /** SEN2's tally (timeliness-tally.migration.ts) without the keys counted down to nothing. */
  const tallied = () =>
    harness.query(`select * from timeliness_tally where n <> 0 order by on_date, team, fact, source, exception, disputed, flag,
                     within_20_weeks, within_a_year, within_request_decision, within_review_decision`);

  it('every row equals the incrementally built one; no alert is written again', async () => {
    const [before, indexesBefore, outboxBefore, tallyBefore] = [
      await harness.snapshot(),
      await indexes(),
      await outboxSize(),
      await tallied(),
    ];
    const db = await connectSqlClient(harness.database.url, () => undefined);
    try {
      const result = await rebuildProjections(db, harness.store, harness.applier, { batchSize: 200 });
      expect(result).toMatchObject({ events: expect.any(Number), alerts: 0 });
    } finally {
      await db.end();
    }
    expect(await harness.snapshot()).toEqual(before);
    expect(await tallied()).toEqual(tallyBefore);
    // The swapped-in tables keep the tally's triggers.
    expect(
      await harness.query(`select tgrelid::regclass::text as "table", count(*)::int as triggers from pg_trigger
                            where tgname like 'timeliness_tally_%' group by 1 order by 1`),
    ).toEqual([
      { table: 'case_deadline', triggers: 3 },
      { table: 'case_summary', triggers: 3 },
      { table: 'case_views', triggers: 3 },
    ]);
    expect(await indexes()).toEqual(indexesBefore);
    expect(await outboxSize()).toBe(outboxBefore);
    expect(await harness.query(`select 1 from pg_namespace where nspname = 'read_models_rebuild'`)).toEqual(
      [],
    );
  });

  it.each([
    ['on the one connection', false],
    ['on a second connection, beside the fold', true],
  ])(
    'a working set far smaller than the caseload, flushed often %s, gives the same tables',
    async (_, second) => {
      const before = await harness.snapshot();
      const db = await connectSqlClient(harness.database.url, () => undefined);
      const flushDb = second ? await connectSqlClient(harness.database.url, () => undefined) : undefined;
      try {
        // 240 cases through 16 places: cases leave memory and are read back between their events (once
        // the flush that wrote them has committed).
        await rebuildProjections(db, harness.store, harness.applier, {
          batchSize: 50,
          workingSetCases: 16,
          flushDb,
        });
      } finally {
        await flushDb?.end();
        await db.end();
      }
      expect(await harness.snapshot()).toEqual(before);
    },
  );

  // The last outbox row of each deadline says where it stands: open (with its due date) or not.
  const misledDeadlines = () =>
    harness.query(
      `select d.id from case_deadline d
         left join lateral (select open, due_on from alert_outbox o where o.deadline_id = d.id order by o.id desc limit 1) o on true
        where (d.met_on is null and not d.cancelled) <> coalesce(o.open, false)
           or (d.met_on is null and not d.cancelled and o.due_on <> d.due_on)`,
    );

  it('the outbox leads the notifier to exactly the open deadlines', async () => {
    expect(await misledDeadlines()).toEqual([]);
  });

  it('queries keep answering during a rebuild, and events arriving meanwhile are all applied once', async () => {
    const live = new ProjectionRunner(harness.store, harness.applier);
    const stopLive = new AbortController();
    const running = live.run(harness.db, stopLive.signal);
    let answered = 0;
    let querying = true;
    const queries = (async () => {
      while (querying) {
        const [{ n }] = await harness.query<{ n: number }>('select count(*)::int as n from case_summary');
        expect(n).toBeGreaterThanOrEqual(240);
        answered += 1;
      }
    })();
    const appending = (async () => {
      for (let index = 240; index < 300; index += 1) {
        const caseId = randomUUID();
        streams.set(caseId, syntheticCase(caseId, index));
        await harness.append(caseId, streams.get(caseId)!);
      }
    })();
    const db = await connectSqlClient(harness.database.url, () => undefined);
    try {
      await rebuildProjections(db, harness.store, harness.applier, { batchSize: 50 });
      await appending;
    } finally {
      querying = false;
      await queries;
      await db.end();
    }
    try {
      const [{ total }] = await harness.query<{ total: number }>(
        'select count(*)::int as total from es_events',
      );
      for (let waited = 0; waited < 100; waited += 1) {
        const [{ events }] = await harness.query<{ events: number }>(
          'select sum(event_count)::int as events from case_state',
        );
        if (events === total) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      stopLive.abort();
      await running;
    }
    expect(answered).toBeGreaterThan(0);
    expect(await misledDeadlines()).toEqual([]);
    // SEN2's tally, kept by the triggers through the catch-up, the swap and the live projector after
    // it, holds what counting every row afresh gives.
    const kept = await tallied();
    await harness.query(`select timeliness_tally_refill('public')`);
    expect(kept.length).toBeGreaterThan(0);
    expect(await tallied()).toEqual(kept);
    // Likewise the work tray's count (work-tray-count.migration.ts): what counting every case gives.
    expect(
      await harness.query(
        `select team, caseworker_id, stage, n::int from work_tray_count where n <> 0 order by 1, 2, 3`,
      ),
    ).toEqual(
      await harness.query(`select team, caseworker_id, stage, count(*)::int as n from case_summary group by 1, 2, 3
                            order by 1, 2, 3`),
    );
    expect(
      await harness.query('select count(*)::int as n from case_state where event_count <> revision + 1'),
    ).toEqual([{ n: 0 }]);
    for (const [caseId, events] of streams) {
      const rows = await harness.query<{ id: string; dueOn: string }>(
        `select substr(id, length(case_id) + 2) as id, due_on::text as "dueOn" from case_deadline where case_id = $1 order by 1`,
        [caseId],
      );
      expect(rows).toEqual(
        deadlinesOf(replay(events))
          .map((d) => ({ id: d.id, dueOn: d.dueOn }))
          .sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
    }
  }, 60_000);

  it('deadlines the projector moves while the rebuild compares them are not alerted again', async () => {
    for (let index = 300; index < 320; index += 1) {
      const caseId = randomUUID();
      streams.set(caseId, syntheticCase(caseId, index));
      await harness.append(caseId, streams.get(caseId)!);
    }
    const db = await connectSqlClient(harness.database.url, () => undefined);
    // The projector catches up (opening the new cases' deadlines) just after the comparison began.
    const racing = hookedSqlClient(db, {
      after: async (text) => {
        if (text.includes('declare swap_alerts')) await harness.project();
      },
    });
    try {
      const result = await rebuildProjections(racing, harness.store, harness.applier);
      expect(result.alerts).toBe(0);
    } finally {
      await db.end();
    }
    expect(await misledDeadlines()).toEqual([]);
  });

  it('deadlines the catch-up opens after the second connection began comparing are alerted once', async () => {
    const db = await connectSqlClient(harness.database.url, () => undefined);
    const flushDb = await connectSqlClient(harness.database.url, () => undefined);
    const appended: string[] = [];
    // New cases arrive just as the comparison begins (the projector does not run): the catch-up brings
    // them to the shadow after the comparison took its snapshot.
    const comparing = hookedSqlClient(flushDb, {
      before: async (text) => {
        if (text.includes('declare swap_alerts'))
          for (let index = 320; index < 330; index += 1) {
            const caseId = randomUUID();
            streams.set(caseId, syntheticCase(caseId, index));
            await harness.append(caseId, streams.get(caseId)!);
            appended.push(caseId);
          }
      },
    });
    try {
      const result = await rebuildProjections(db, harness.store, harness.applier, { flushDb: comparing });
      expect(result.alerts).toBeGreaterThan(0);
    } finally {
      await flushDb.end();
      await db.end();
    }
    expect(appended).toHaveLength(10);
    expect(await misledDeadlines()).toEqual([]);
  });

  it('a rebuild under another counting moves the open deadlines it changes, and only those', async () => {
    const outboxBefore = await outboxSize();
    const open = await harness.query<{ n: number }>(
      `select count(*)::int as n from case_deadline
        where met_on is null and not cancelled and kind in ('decision_to_assess', 'advice', 'plan_decision', 'final_plan', 'review_decision', 'amendment_notice', 'amended_plan')`,
    );
    const db = await connectSqlClient(harness.database.url, () => undefined);
    try {
      const result = await rebuildProjections(db, harness.store, new BatchApplier('day_one', harness.store));
      expect(result.alerts).toBe(open[0].n);
    } finally {
      await db.end();
    }
    // Each new row moves a deadline: open, and open before it (its previous row).
    const moved = await harness.query<{ open: boolean; wasOpen: boolean }>(
      `select distinct o.open, p.open as "wasOpen" from alert_outbox o
         left join lateral (select open from alert_outbox p
                             where p.deadline_id = o.deadline_id and p.id < o.id order by p.id desc limit 1) p on true
        where o.id > $1`,
      [String(outboxBefore)],
    );
    expect(moved).toEqual([{ open: true, wasOpen: true }]);
  });
});

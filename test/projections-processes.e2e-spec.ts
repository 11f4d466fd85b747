import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { Logger } from '@nestjs/common';
import {
  caseStreamOf,
  deadlinesOf,
  evolve,
  initialState,
  type Deadline,
  type EhcpCaseEvent,
} from '@ehcp/domain';
import { PostgresEventStore } from '@ehcp/event-store';
import {
  deadlineAlertOf,
  deadlineRowId,
  migrateUnderLock,
  readModelsDataSourceOptions,
} from '@ehcp/read-models';
import { DataSource } from 'typeorm';
import { Client } from 'pg';
import { BatchApplier } from '../apps/projector/src/engine/batch.applier';
import { connectSqlClient } from '../apps/projector/src/engine/sql-client';
import { rebuildProjections } from '../apps/projector/src/rebuild/projections.rebuild';
import { newEventsOf } from '../libs/read-models/src/testing/new-events';
import { syntheticCase } from '../libs/read-models/src/testing/synthetic-caseload';
import { outputOf, startAppProcess, waitUntilReady } from './support/app-process';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/** Resolves with the exit code or signal once the process has ended (at once if it already has). */
function ended(child: ChildProcess): Promise<number | string> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve(child.exitCode ?? child.signalCode!);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
}

/**
 * Appends synthetic cases until `events` events are in the store, 16 streams at a time; each case's
 * events go into `streams` too when given.
 */
async function appendCaseload(
  store: PostgresEventStore,
  events: number,
  firstIndex = 0,
  streams?: Map<string, EhcpCaseEvent[]>,
): Promise<number> {
  const cases: [string, EhcpCaseEvent[]][] = [];
  let total = 0;
  for (let index = firstIndex; total < events; index += 1) {
    const caseId = randomUUID();
    const stream = syntheticCase(caseId, index);
    cases.push([caseId, stream]);
    streams?.set(caseId, stream);
    total += stream.length;
  }
  for (let start = 0; start < cases.length; start += 16) {
    await Promise.all(
      cases
        .slice(start, start + 16)
        .map(([caseId, stream]) =>
          store.appendToStream(caseStreamOf(caseId), newEventsOf(stream), { expectedRevision: 'no_stream' }),
        ),
    );
  }
  return total;
}

interface Progress {
  cases: number;
  events: number;
  /** Cases whose every event was applied exactly once. */
  exact: number;
}

async function progressOf(db: Client): Promise<Progress> {
  const { rows } = await db.query<Progress>(
    `select count(*)::int as cases, coalesce(sum(event_count), 0)::int as events,
            count(*) filter (where event_count = revision + 1)::int as exact from case_state`,
  );
  return rows[0];
}

/** The projector processes of the running test (killed after each). */
const children: ChildProcess[] = [];

async function until<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  ms: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(
        `${what} not reached within ${ms} ms: ${JSON.stringify(value)}\n` +
          children.map((child) => `projector ${child.pid} wrote:\n${outputOf(child)}`).join('\n'),
      );
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function metric(port: number, name: string): Promise<number> {
  const text = await fetch(`http://127.0.0.1:${port}/metrics`).then((r) => r.text());
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : Number.NaN;
}

/**
 * The alert_outbox rows an uninterrupted projection of these cases writes, per deadline in order
 * (`<due date> <open>`): each event folded on its own, as the projection does.
 */
function outboxOf(streams: ReadonlyMap<string, readonly EhcpCaseEvent[]>): Record<string, string[]> {
  const outbox: Record<string, string[]> = {};
  for (const [caseId, events] of streams) {
    let state = initialState;
    let before = new Map<string, Deadline>();
    for (const event of events) {
      state = evolve(state, event);
      const after = new Map(deadlinesOf(state).map((deadline) => [deadline.id, deadline]));
      for (const id of new Set([...before.keys(), ...after.keys()])) {
        const alert = deadlineAlertOf(before.get(id), after.get(id));
        if (alert) (outbox[deadlineRowId(caseId, id)] ??= []).push(`${alert.dueOn} ${alert.open}`);
      }
      before = after;
    }
  }
  return outbox;
}

async function snapshot(db: Client): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of ['case_state', 'case_summary', 'case_deadline', 'qa_audit'])
    tables[table] = (await db.query(`select * from ${table} order by 1`)).rows;
  return tables;
}

describe('projector processes', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let db: Client;

  const start = (port: number) => {
    const child = startAppProcess('projector', { DATABASE_URL: database.url, PROJECTOR_PORT: String(port) });
    children.push(child);
    return child;
  };

  beforeEach(async () => {
    Logger.overrideLogger(false);
    database = await createTestDatabase('projector_e2e');
    store = await PostgresEventStore.create({ connectionString: database.url });
    db = await connectSqlClient(database.url, () => undefined);
    // The tables exist before the processes start, so that progress can be watched from the first moment.
    const dataSource = await new DataSource(readModelsDataSourceOptions(database.url)).initialize();
    await migrateUnderLock(dataSource);
    await dataSource.destroy();
  }, 120_000);

  afterEach(async () => {
    for (const child of children.splice(0)) {
      child.kill('SIGKILL');
      await ended(child);
    }
    await db.end();
    await store.close();
    await database.drop();
  }, 120_000);

  it('SIGKILL in the middle of a 20,000-event catch-up: after a restart the read models equal a clean rebuild', async () => {
    const streams = new Map<string, EhcpCaseEvent[]>();
    const total = await appendCaseload(store, 20_000, 0, streams);
    const first = start(3921);
    const killedAt = await until(
      () => progressOf(db),
      (p) => p.events >= 1_000,
      240_000,
      'first batches',
    );
    first.kill('SIGKILL');
    await ended(first);
    const afterKill = await progressOf(db);
    expect(afterKill.events).toBeLessThan(total);
    // Only whole batches were committed: every case is either not started or consistent.
    expect(afterKill.exact).toBe(afterKill.cases);
    const outboxAfterKill = (await db.query<{ n: number }>('select count(*)::int as n from alert_outbox'))
      .rows[0].n;

    start(3922);
    const done = await until(
      () => progressOf(db),
      (p) => p.events >= total,
      240_000,
      'catch-up after restart',
    );
    expect(done).toEqual({ cases: done.cases, events: total, exact: done.cases });
    expect(killedAt.events).toBeLessThan(total);

    // A clean rebuild (fresh tables, no outbox) gives the very same rows.
    const [incremental, outbox] = [
      await snapshot(db),
      await db.query('select * from alert_outbox order by id'),
    ];
    const rebuilder = await connectSqlClient(database.url, () => undefined);
    try {
      const result = await rebuildProjections(rebuilder, store, new BatchApplier('legal', store));
      expect(result).toMatchObject({ events: total, alerts: 0 });
    } finally {
      await rebuilder.end();
    }
    expect(await snapshot(db)).toEqual(incremental);
    expect((await db.query('select * from alert_outbox order by id')).rows).toEqual(outbox.rows);
    // The batch in flight at the kill left no outbox rows behind: none is repeated, none missing.
    const written = await db.query<{ deadlineId: string; rows: string[] }>(
      `select deadline_id as "deadlineId", array_agg(due_on::text || ' ' || open order by id) as rows
         from alert_outbox group by deadline_id`,
    );
    expect(Object.fromEntries(written.rows.map((row) => [row.deadlineId, row.rows]))).toEqual(
      outboxOf(streams),
    );
    expect(outbox.rows.length).toBeGreaterThan(outboxAfterKill);
  }, 600_000);

  it('two projectors: one writes, the other takes over from the checkpoint when the leader dies', async () => {
    let total = await appendCaseload(store, 3_000);
    const [a, b] = [start(3923), start(3924)];
    await Promise.all([
      waitUntilReady(a, 'http://127.0.0.1:3923'),
      waitUntilReady(b, 'http://127.0.0.1:3924'),
    ]);
    await until(
      () => progressOf(db),
      (p) => p.events >= total,
      240_000,
      'catch-up',
    );
    const leaders = [
      await metric(3923, 'ehcp_projector_leader'),
      await metric(3924, 'ehcp_projector_leader'),
    ];
    expect(leaders.sort()).toEqual([0, 1]);
    const [leader, standby, standbyPort] =
      (await metric(3923, 'ehcp_projector_leader')) === 1 ? [a, b, 3924] : [b, a, 3923];
    expect(await metric(standbyPort, 'ehcp_projection_events_processed_total')).toBe(0);

    leader.kill('SIGKILL');
    await ended(leader);
    total += await appendCaseload(store, 500, 10_000);
    const done = await until(
      () => progressOf(db),
      (p) => p.events >= total,
      240_000,
      'takeover',
    );
    expect(done).toEqual({ cases: done.cases, events: total, exact: done.cases });
    expect(await metric(standbyPort, 'ehcp_projector_leader')).toBe(1);
    expect(await metric(standbyPort, 'ehcp_projection_events_processed_total')).toBeGreaterThan(0);

    standby.kill('SIGTERM');
    expect(await ended(standby)).toBe(0);
  }, 600_000);
});

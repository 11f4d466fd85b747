import { randomUUID } from 'node:crypto';
import { ManualClock } from '@ehcp/config';
import { NOTIFICATION_SCHEMA } from '@ehcp/alerts';
import { deadlineRowId, readModelsDataSourceOptions } from '@ehcp/read-models';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import {
  WEBHOOK_SECRET,
  eventually,
  quiet,
  startNotifier,
  testQueuePrefix,
  type NotifierHarness,
} from '../testing/notifier.harness';
import { WebhookReceiver } from '../testing/webhook-receiver';

/** The migration under test: alert_outbox reduced to what the relay reads. */
const MIGRATION = 'AlertOutboxFacts1797206400000';
const NOW = '2026-11-02T09:00:00Z';
const RECORDED = '2026-09-01T09:00:00Z';
// After the day's 07:00 alert time: a deadline (re)opened then is alerted the next morning.
const REOPENED = '2026-11-02T08:00:00Z';

jest.setTimeout(30_000);

interface OldRow {
  readonly change: 'opened' | 'moved' | 'met' | 'cancelled';
  readonly metOn?: string;
  readonly cancelled?: boolean;
  readonly createdAt: string;
  readonly relayedAt?: string;
}

interface Column {
  readonly name: string;
  readonly type: string;
  readonly nullable: string;
}

/**
 * Given rows the previous projection wrote, in the previous shape, and not yet relayed (one relayed
 * long ago too); when a notifier of this version starts, migrates and relays them; then each is
 * relayed as the previous relay would have: by the openness its met_on and cancelled gave.
 */
describe('alert_outbox migrated with rows queued in the previous shape', () => {
  let database: TestDatabase;
  let webhooks: WebhookReceiver;
  let notifier: NotifierHarness | undefined;
  let previousColumns: Column[];
  let previousChecks: string[];
  const open = { caseId: randomUUID(), dueOn: '2026-10-15' };
  const met = { caseId: randomUUID(), dueOn: '2026-10-15', metOn: '2026-10-01' };
  const reopened = { caseId: randomUUID(), dueOn: '2026-10-20' };
  const cancelled = { caseId: randomUUID(), dueOn: '2026-10-10', cancelled: true };
  const idOf = ({ caseId }: { caseId: string }) => deadlineRowId(caseId, 'final_plan');

  /** The data source of this version, or of the one before (every migration before MIGRATION). */
  const options = (previous = false): DataSourceOptions => {
    const current = readModelsDataSourceOptions(database.url, NOTIFICATION_SCHEMA);
    const migrations = current.migrations as { name: string }[];
    return previous
      ? { ...current, migrations: migrations.filter((m) => m.name !== MIGRATION) as [] }
      : current;
  };

  async function withDataSource<T>(previous: boolean, use: (db: DataSource) => Promise<T>): Promise<T> {
    const dataSource = await new DataSource(options(previous)).initialize();
    try {
      return await use(dataSource);
    } finally {
      await dataSource.destroy();
    }
  }

  const columnsOf = (db: DataSource): Promise<Column[]> =>
    db.query(
      `select column_name as name, data_type as type, is_nullable as nullable from information_schema.columns
        where table_name = 'alert_outbox' order by column_name`,
    );
  const checksOf = async (db: DataSource): Promise<string[]> =>
    (
      await db.query<{ check: string }[]>(
        `select pg_get_constraintdef(oid) as check from pg_constraint
          where conrelid = 'alert_outbox'::regclass and contype = 'c' order by 1`,
      )
    ).map((row) => row.check);

  async function insertDeadline(
    db: DataSource,
    deadline: { caseId: string; dueOn: string; metOn?: string; cancelled?: boolean },
    rows: OldRow[],
  ): Promise<void> {
    await db.query(
      `insert into case_deadline (id, case_id, team, kind, ref, starts_on, due_on, met_on, cancelled,
                                  exception_applies, rule, revision)
       values ($1, $2, 'north', 'final_plan', null, $3::date - 140, $3, $4, $5, false, 'SEND Regs 2014 reg 13(2)', 0)`,
      [idOf(deadline), deadline.caseId, deadline.dueOn, deadline.metOn ?? null, deadline.cancelled ?? false],
    );
    for (const row of rows)
      await db.query(
        `insert into alert_outbox (deadline_id, case_id, team, kind, change, due_on, met_on, cancelled,
                                   created_at, relayed_at)
         values ($1, $2, 'north', 'final_plan', $3, $4, $5, $6, $7, $8)`,
        [
          idOf(deadline),
          deadline.caseId,
          row.change,
          deadline.dueOn,
          row.metOn ?? null,
          row.cancelled ?? false,
          row.createdAt,
          row.relayedAt ?? null,
        ],
      );
  }

  beforeAll(async () => {
    database = await createTestDatabase('alerts_outbox_migration');
    webhooks = await new WebhookReceiver(WEBHOOK_SECRET).start();
    await withDataSource(true, async (db) => {
      await db.runMigrations({ transaction: 'each' });
      [previousColumns, previousChecks] = [await columnsOf(db), await checksOf(db)];
      await insertDeadline(db, open, [{ change: 'opened', createdAt: RECORDED }]);
      await insertDeadline(db, met, [
        { change: 'opened', createdAt: RECORDED },
        { change: 'met', metOn: met.metOn, createdAt: '2026-10-01T15:00:00Z' },
      ]);
      await insertDeadline(db, reopened, [
        { change: 'opened', createdAt: RECORDED },
        { change: 'cancelled', cancelled: true, createdAt: '2026-09-05T10:00:00Z' },
        { change: 'opened', createdAt: REOPENED },
      ]);
      await insertDeadline(db, cancelled, [
        { change: 'cancelled', cancelled: true, createdAt: RECORDED, relayedAt: RECORDED },
      ]);
    });
    notifier = await startNotifier(
      { DATABASE_URL: database.url, ALERT_WEBHOOK_URL: webhooks.url },
      { queuePrefix: testQueuePrefix('outbox-migration'), clock: new ManualClock(NOW), relayIntervalMs: 10 },
    );
  }, 30_000);

  afterAll(async () => {
    await notifier?.close();
    await webhooks?.stop();
    await database?.drop();
  });

  it('keeps of each row what the relay reads, its openness as the previous relay derived it', async () => {
    const db = notifier!.db;
    expect((await columnsOf(db)).map((column) => column.name)).toEqual([
      'created_at',
      'deadline_id',
      'due_on',
      'id',
      'open',
      'relayed_at',
    ]);
    const rows = await db.query(`select deadline_id as "deadlineId", open from alert_outbox order by id`);
    expect(rows).toEqual([
      { deadlineId: idOf(open), open: true },
      { deadlineId: idOf(met), open: true },
      { deadlineId: idOf(met), open: false },
      { deadlineId: idOf(reopened), open: true },
      { deadlineId: idOf(reopened), open: false },
      { deadlineId: idOf(reopened), open: true },
      { deadlineId: idOf(cancelled), open: false },
    ]);
  });

  it('relays the queued rows: the open deadline alerts, the met one does not, the reopened one is known since', async () => {
    const db = notifier!.db;
    await eventually(
      async () => (await db.query(`select 1 from alert_outbox where relayed_at is null`)).length === 0,
    );
    await eventually(() => webhooks.calls.length >= 1);
    await quiet(notifier!.queues);
    expect(
      webhooks.calls.map((call) => [call.body.caseId, call.body.kind, call.body.deadline.dueOn]),
    ).toEqual([[open.caseId, 'overdue', open.dueOn]]);
    const schedule = await db.query(
      `select deadline_id as "deadlineId", due_on::text as "dueOn", known_since as "knownSince"
         from alert_schedule order by deadline_id`,
    );
    expect(schedule).toEqual(
      [
        { deadlineId: idOf(open), dueOn: open.dueOn, knownSince: new Date(RECORDED) },
        { deadlineId: idOf(met), dueOn: null, knownSince: null },
        // Known since it was reopened (its cancelled row read as closed): alerted tomorrow morning.
        { deadlineId: idOf(reopened), dueOn: reopened.dueOn, knownSince: new Date(REOPENED) },
      ].sort((a, b) => (a.deadlineId < b.deadlineId ? -1 : 1)),
    );
    const relayedLongAgo = await db.query(
      `select relayed_at as "relayedAt" from alert_outbox where deadline_id = $1`,
      [idOf(cancelled)],
    );
    expect(relayedLongAgo).toEqual([{ relayedAt: new Date(RECORDED) }]);
  });

  it('down restores the previous shape, each row reading as open or not as before; up again changes nothing', async () => {
    await notifier!.close();
    notifier = undefined;
    const openBefore = await withDataSource(false, (db) =>
      db.query(`select id, open from alert_outbox order by id`),
    );
    await withDataSource(false, async (db) => {
      await db.undoLastMigration({ transaction: 'each' });
      expect(await columnsOf(db)).toEqual(previousColumns);
      expect(await checksOf(db)).toEqual(previousChecks);
      // The previous relay's reading of each row.
      expect(
        await db.query(`select id, met_on is null and not cancelled as open from alert_outbox order by id`),
      ).toEqual(openBefore);
      // The case, kind and team each row was written with, from its deadline id and row.
      const filled = `select distinct o.case_id = d.case_id and o.kind = d.kind and o.team = d.team as filled
                        from alert_outbox o left join case_deadline d on d.id = o.deadline_id`;
      expect(await db.query(filled)).toEqual([{ filled: true }]);
      await db.runMigrations({ transaction: 'each' });
      expect(await db.query(`select id, open from alert_outbox order by id`)).toEqual(openBefore);
    });
  });
});

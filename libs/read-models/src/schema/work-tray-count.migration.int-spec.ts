import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { readModelsDataSourceOptions } from '../database/read-models.data-source';

/** The migration under test. */
const MIGRATION = 'WorkTrayCount1798260000000';

// The work tray's count: up counts the rows already there, its triggers keep it as rows change, down removes it.
describe(MIGRATION, () => {
  let database: TestDatabase;
  let db: DataSource;

  const insertSummaries = (
    rows: { caseId: string; team: string; caseworker: string | null; stage: string }[],
  ) =>
    db.query(
      `insert into case_summary (case_id, team, caseworker_id, stage, requested_by, request_received_on, revision)
       select case_id, team, caseworker, stage, 'parent', '2025-01-01', 1
         from jsonb_to_recordset($1::jsonb) as r(case_id text, team text, caseworker text, stage text)`,
      [JSON.stringify(rows.map((row) => ({ ...row, case_id: row.caseId })))],
    );
  /** The count without the groups counted down to nothing, and what counting every row gives. */
  const counted = () =>
    db.query(`select team, caseworker_id, stage, n::int from work_tray_count where n <> 0 order by 1, 2, 3`);
  const countedAfresh = () =>
    db.query(
      `select team, caseworker_id, stage, count(*)::int as n from case_summary group by 1, 2, 3 order by 1, 2, 3`,
    );

  beforeAll(async () => {
    database = await createTestDatabase('rm_work_tray_count_migration');
    const options = readModelsDataSourceOptions(database.url);
    const migrations = options.migrations as { name: string }[];
    const index = migrations.findIndex((migration) => migration.name === MIGRATION);
    // The read models just before this migration, with rows in them.
    db = await new DataSource({ ...options, migrations: migrations.slice(0, index) as [] }).initialize();
    await db.runMigrations({ transaction: 'each' });
    await insertSummaries([
      { caseId: 'a', team: 'north', caseworker: 'cw-1', stage: 'requested' },
      { caseId: 'b', team: 'north', caseworker: 'cw-1', stage: 'requested' },
      { caseId: 'c', team: 'north', caseworker: null, stage: 'requested' },
      { caseId: 'd', team: 'south', caseworker: null, stage: 'assessing' },
    ]);
    await db.destroy();
    db = await new DataSource({ ...options, migrations: migrations.slice(0, index + 1) as [] }).initialize();
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('up counts the rows already written, by team, caseworker (none is a group too) and stage', async () => {
    await db.runMigrations({ transaction: 'each' });
    expect(await counted()).toEqual([
      { team: 'north', caseworker_id: 'cw-1', stage: 'requested', n: 2 },
      { team: 'north', caseworker_id: null, stage: 'requested', n: 1 },
      { team: 'south', caseworker_id: null, stage: 'assessing', n: 1 },
    ]);
  });

  it('its triggers move a changed row from its group to its new one, in bulk or one by one, and equal a fresh count', async () => {
    await db.query(`update case_summary set caseworker_id = 'cw-2' where caseworker_id is null`);
    await db.query(`update case_summary set stage = 'assessing', team = 'south' where case_id = 'a'`);
    // Changes nothing the count keys on: no group is touched.
    await db.query(`update case_summary set revision = revision + 1`);
    await db.query(`delete from case_summary where case_id = 'b'`);
    await insertSummaries([
      { caseId: 'e', team: 'east', caseworker: null, stage: 'ceasing' },
      { caseId: 'f', team: 'east', caseworker: null, stage: 'ceasing' },
    ]);
    expect(await counted()).toEqual([
      { team: 'east', caseworker_id: null, stage: 'ceasing', n: 2 },
      { team: 'north', caseworker_id: 'cw-2', stage: 'requested', n: 1 },
      { team: 'south', caseworker_id: 'cw-1', stage: 'assessing', n: 1 },
      { team: 'south', caseworker_id: 'cw-2', stage: 'assessing', n: 1 },
    ]);
    expect(await counted()).toEqual(await countedAfresh());
    const kept = await counted();
    await db.query(`select work_tray_count_refill(current_schema())`);
    expect(await counted()).toEqual(kept);
  });

  it('down removes the count, its triggers and index; a row written after is no trouble', async () => {
    await db.undoLastMigration({ transaction: 'each' });
    expect(await db.query(`select 1 from pg_trigger where tgname like 'work_tray_count_%'`)).toEqual([]);
    await insertSummaries([{ caseId: 'g', team: 'east', caseworker: null, stage: 'requested' }]);
    expect(
      await db.query(
        `select to_regclass('work_tray_count') as count, to_regclass('case_summary_ceasing') as index`,
      ),
    ).toEqual([{ count: null, index: null }]);
  });
});

import type { DataSource } from 'typeorm';
import { useMigrationUnderTest } from '../../../../test/support/migration-under-test';

/** The migration under test. */
const MIGRATION = 'TimelinessTally1798200000000';

const summary = (
  caseId: string,
  team: string,
  requested: string,
  issued: string | null,
  decided: string | null,
) => ({
  caseId,
  team,
  requested,
  issued,
  decided,
});

// SEN2's tally: up counts the rows already there, its triggers keep it as rows change, down removes it.
describe(MIGRATION, () => {
  const insertSummaries = (db: DataSource, rows: ReturnType<typeof summary>[]) =>
    db.query(
      `insert into case_summary (case_id, team, stage, requested_by, request_received_on, first_final_plan_issued_on,
                                 assessment_decided_on, revision)
       select case_id, team, 'plan_maintained', 'parent', requested, issued, decided, 1
         from jsonb_to_recordset($1::jsonb) as r(case_id text, team text, requested date, issued date, decided date)`,
      [JSON.stringify(rows.map((row) => ({ ...row, case_id: row.caseId })))],
    );
  // The read models just before this migration, with rows in them.
  const migration = useMigrationUnderTest(MIGRATION, 'rm_timeliness_tally_migration', (db) =>
    insertSummaries(db, [
      summary('a', 'north', '2025-01-01', '2025-05-01', '2025-02-01'),
      summary('b', 'north', '2025-01-01', '2025-05-01', null),
      summary('c', 'south', '2025-01-01', '2025-10-01', null),
    ]),
  );
  const tally = () =>
    migration.db.query<
      { team: string; on_date: string; fact: string; within_20_weeks: boolean; n: number; days: number }[]
    >(
      `select team, on_date::text, fact, within_20_weeks, n::int, days::int from timeliness_tally where n <> 0
        order by on_date, team, fact, within_20_weeks`,
    );

  it('up counts the rows already written, by team, day and band', async () => {
    await migration.up();
    expect(await tally()).toEqual([
      // 31 days to the decision whether to assess
      { team: 'north', on_date: '2025-02-01', fact: 'request', within_20_weeks: false, n: 1, days: 31 },
      // 120 days each: within 20 weeks
      { team: 'north', on_date: '2025-05-01', fact: 'final_plan', within_20_weeks: false, n: 2, days: 0 },
      { team: 'north', on_date: '2025-05-01', fact: 'plan', within_20_weeks: true, n: 2, days: 240 },
      // 273 days: later than 20 weeks
      { team: 'south', on_date: '2025-10-01', fact: 'final_plan', within_20_weeks: false, n: 1, days: 0 },
      { team: 'south', on_date: '2025-10-01', fact: 'plan', within_20_weeks: false, n: 1, days: 273 },
    ]);
  });

  it('its triggers take a changed row off where it was and count it where it is now, in bulk or one by one', async () => {
    await migration.db.query(
      `update case_summary set first_final_plan_issued_on = '2025-10-01', team = 'south' where case_id = 'b'`,
    );
    await migration.db.query(`delete from case_summary where case_id = 'a'`);
    await insertSummaries(migration.db, [summary('d', 'north', '2025-03-01', null, '2025-03-11')]);
    expect(await tally()).toEqual([
      { team: 'north', on_date: '2025-03-11', fact: 'request', within_20_weeks: false, n: 1, days: 10 },
      { team: 'south', on_date: '2025-10-01', fact: 'final_plan', within_20_weeks: false, n: 2, days: 0 },
      { team: 'south', on_date: '2025-10-01', fact: 'plan', within_20_weeks: false, n: 2, days: 546 },
    ]);
    const kept = await tally();
    await migration.db.query(`select timeliness_tally_refill(current_schema())`);
    expect(await tally()).toEqual(kept);
  });

  it('down removes the tally and its triggers; a row written after is no trouble', async () => {
    await migration.down();
    expect(
      await migration.db.query(`select 1 from pg_trigger where tgname like 'timeliness_tally_%'`),
    ).toEqual([]);
    await insertSummaries(migration.db, [summary('e', 'east', '2025-01-01', '2025-02-01', null)]);
    expect(await migration.db.query(`select to_regclass('timeliness_tally') as tally`)).toEqual([
      { tally: null },
    ]);
  });
});

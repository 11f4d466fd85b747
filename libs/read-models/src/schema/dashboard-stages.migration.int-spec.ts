import { useMigrationUnderTest } from '../../../../test/support/migration-under-test';

/** The migration under test. */
const MIGRATION = 'DashboardStages1797990000000';

// The dashboard's "where the weeks go": the draft's date on each case, the advice source on each
// advice deadline, filled for existing rows from the stored folds.
describe(MIGRATION, () => {
  const migration = useMigrationUnderTest(MIGRATION, 'rm_dashboard_migration');

  it('migrated up to itself; fills existing rows from the folds; down removes the columns', async () => {
    await migration.up();
    await migration.down();

    // Rows as the previous version wrote them.
    const state = {
      draftIssuedOn: '2025-04-10',
      advice: [
        { adviceId: 'adv-1', source: 'health', requestedOn: '2025-02-01', receivedOn: null },
        { adviceId: 'adv-2', source: 'social_care', requestedOn: '2025-02-01', receivedOn: null },
      ],
    };
    await migration.db.query(
      `insert into case_state (case_id, state, revision, event_count) values
         ('c1', $1, 5, 6), ('c2', '{"draftIssuedOn": null, "advice": []}', 1, 2)`,
      [JSON.stringify(state)],
    );
    await migration.db.query(
      `insert into case_summary (case_id, team, stage, requested_by, request_received_on, revision) values
         ('c1', 'north', 'draft', 'parent', '2025-01-06', 5), ('c2', 'north', 'requested', 'parent', '2025-01-06', 1)`,
    );
    await migration.db.query(
      `insert into case_deadline (id, case_id, team, kind, ref, starts_on, due_on, rule, revision) values
         ('c1/advice-adv-1', 'c1', 'north', 'advice', 'adv-1', '2025-02-01', '2025-03-15', 'r', 3),
         ('c1/advice-adv-2', 'c1', 'north', 'advice', 'adv-2', '2025-02-01', '2025-03-15', 'r', 3),
         ('c1/final_plan', 'c1', 'north', 'final_plan', null, '2025-01-06', '2025-05-26', 'r', 1)`,
    );

    await migration.up();
    expect(
      await migration.db.query('select case_id, draft_issued_on::text from case_summary order by 1'),
    ).toEqual([
      { case_id: 'c1', draft_issued_on: '2025-04-10' },
      { case_id: 'c2', draft_issued_on: null },
    ]);
    expect(await migration.db.query('select id, advice_source from case_deadline order by 1')).toEqual([
      { id: 'c1/advice-adv-1', advice_source: 'health' },
      { id: 'c1/advice-adv-2', advice_source: 'social_care' },
      { id: 'c1/final_plan', advice_source: null },
    ]);

    await migration.down();
    const columns = await migration.db.query(
      `select column_name from information_schema.columns where table_schema = current_schema()
          and column_name in ('draft_issued_on', 'advice_source')`,
    );
    expect(columns).toEqual([]);
  });
});

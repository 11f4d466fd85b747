import { randomUUID } from 'node:crypto';
import { replay, timelineOf, type EhcpCaseEvent } from '@ehcp/domain';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { on } from '../../../domain/src/testing/case-events';
import { migrationsAround } from '../../../../test/support/migration-under-test';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { readModelsDataSourceOptions } from '../database/read-models.data-source';
import { Sen2Query } from '../queries/sen2.query';

/** The migration under test. */
const MIGRATION = 'Sen2Complete1797724800000';
const NEW_STATE_FIELDS = ['openedByRequest', 'appealsAndMediationsStartedOn'];

/**
 * Given read models the previous version projected (its fold in case_state, its case_summary rows),
 * when this version migrates, then the rows hold what the projection now writes and the fold is the
 * state this version's evolve gives, so the projector carries on without a rebuild.
 */
describe(`${MIGRATION} over read models of the previous version`, () => {
  let database: TestDatabase;
  const refusedThenAssessed = randomUUID();
  const planned = randomUUID();
  const histories: Record<string, EhcpCaseEvent[]> = {
    [refusedThenAssessed]: [
      on.requestReceived({ caseId: refusedThenAssessed, requestReceivedOn: '2025-09-01' }),
      on.refused('2025-10-06'),
      on.assessed('2025-12-01'),
    ],
    [planned]: [
      on.requestReceived({ caseId: planned, requestReceivedOn: '2025-09-01' }),
      on.assessed('2025-10-20'),
      on.toIssue('2025-12-15'),
      on.draftIssued('2025-12-22'),
      on.representations('2026-01-02'),
      on.finalIssued('2026-01-12'),
    ],
  };

  // The previous version: the migrations before this one; this version: all of them (later ones
  // build on its columns, and the SEN2 query reads theirs).
  const options = (previous: boolean): DataSourceOptions =>
    previous ? migrationsAround(database.url, MIGRATION).before : readModelsDataSourceOptions(database.url);

  async function withDataSource<T>(previous: boolean, use: (db: DataSource) => Promise<T>): Promise<T> {
    const dataSource = await new DataSource(options(previous)).initialize();
    try {
      return await use(dataSource);
    } finally {
      await dataSource.destroy();
    }
  }

  /** The previous version's rows: its state had no new fields, its case_summary no new columns. */
  async function insertPrevious(db: DataSource, caseId: string): Promise<void> {
    const state: Record<string, unknown> = { ...replay(histories[caseId]) };
    for (const field of NEW_STATE_FIELDS) delete state[field];
    await db.query(`insert into case_state (case_id, state, revision, event_count) values ($1, $2, $3, $4)`, [
      caseId,
      JSON.stringify(state),
      histories[caseId].length - 1,
      histories[caseId].length,
    ]);
    const timeline = timelineOf(replay(histories[caseId]))!;
    await db.query(
      `insert into case_summary (case_id, team, stage, requested_by, request_received_on,
                                 first_final_plan_issued_on, final_plan_exception_applies, revision)
       values ($1, 'north', $2, 'parent', '2025-09-01', $3, false, $4)`,
      [caseId, state.stage, timeline.firstFinalPlanIssuedOn, histories[caseId].length - 1],
    );
  }

  const summaries = (db: DataSource) =>
    db.query(
      `select case_id as "caseId", opened_by_request as "openedByRequest",
              appeal_or_mediation_before_plan as "appealOrMediationBeforePlan",
              assessment_decided_on::text as "assessmentDecidedOn", assessment_refused as "assessmentRefused"
         from case_summary order by case_id`,
    );

  beforeAll(async () => {
    database = await createTestDatabase('rm_sen2_migration');
    await withDataSource(true, async (db) => {
      await db.runMigrations({ transaction: 'each' });
      for (const caseId of Object.keys(histories)) await insertPrevious(db, caseId);
    });
  }, 30_000);
  afterAll(() => database?.drop());

  it('fills the new columns from the fold, and the fold gets the new state fields', async () => {
    await withDataSource(false, async (db) => {
      await db.runMigrations({ transaction: 'each' });
      const expected = Object.keys(histories).map((caseId) => {
        const { openedByRequest, appealOrMediationBeforePlan, assessmentDecidedOn, assessmentRefused } =
          timelineOf(replay(histories[caseId]))!;
        return {
          caseId,
          openedByRequest,
          appealOrMediationBeforePlan,
          assessmentDecidedOn,
          assessmentRefused,
        };
      });
      expect(await summaries(db)).toEqual(expected.sort((a, b) => (a.caseId < b.caseId ? -1 : 1)));
      expect(expected.find((row) => row.caseId === refusedThenAssessed)).toMatchObject({
        assessmentDecidedOn: '2025-10-06',
        assessmentRefused: true,
      });
      for (const caseId of Object.keys(histories)) {
        const [{ state }] = await db.query(`select state from case_state where case_id = $1`, [caseId]);
        expect(state).toEqual(JSON.parse(JSON.stringify(replay(histories[caseId]))));
      }
      const figures = await new Sen2Query(db).figures({ from: '2025-01-01', to: '2026-12-31', teams: null });
      expect(figures).toMatchObject({ plans_issued_den: 1, requests_decided: 2, requests_refused: 1 });
    });
  });

  it('down restores the previous shape; up again gives the same rows', async () => {
    await withDataSource(false, async (db) => {
      const migrated = await summaries(db);
      const applied = async () =>
        (await db.query<{ name: string }[]>('select name from typeorm_migrations')).map((row) => row.name);
      // This migration undone, the later ones first.
      while ((await applied()).includes(MIGRATION)) await db.undoLastMigration({ transaction: 'each' });
      const columns = await db.query<{ name: string }[]>(
        `select column_name as name from information_schema.columns where table_name = 'case_summary'`,
      );
      expect(columns.map((column) => column.name)).not.toContain('assessment_decided_on');
      const [{ state }] = await db.query(`select state from case_state where case_id = $1`, [planned]);
      for (const field of NEW_STATE_FIELDS) expect(state).not.toHaveProperty(field);
      await db.runMigrations({ transaction: 'each' });
      expect(await summaries(db)).toEqual(migrated);
    });
  });
});

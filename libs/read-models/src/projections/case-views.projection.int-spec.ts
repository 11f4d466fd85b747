import { randomUUID } from 'node:crypto';
import { replay, type EhcpCase, type EhcpCaseEvent } from '@ehcp/domain';
import { on } from '../../../domain/src/testing/case-events';
import { ProjectionHarness } from '../../../../test/support/projection.harness';
import { viewsRecorded } from '../testing/synthetic-caseload';

interface ViewsRow {
  id: string;
  team: string;
  viewsId: string;
  stage: string;
  method: string;
  gatheredOn: string;
}

const viewsOf = (harness: ProjectionHarness, caseId: string) =>
  harness.query<ViewsRow>(
    `select id, team, views_id as "viewsId", stage, method, gathered_on::text as "gatheredOn"
       from case_views where case_id = $1 order by gathered_on, views_id`,
    [caseId],
  );

// Given a case's views records (CFA s19), then its case_views rows are the state's views, no summary.
describe('case_views projection', () => {
  let harness: ProjectionHarness;
  beforeAll(async () => {
    harness = await ProjectionHarness.start('rm_case_views');
  });
  afterAll(() => harness.close());

  const R = '2025-01-06';

  async function given(...events: EhcpCaseEvent[]) {
    const caseId = randomUUID();
    const all = [on.requestReceived({ caseId, team: 'east', requestReceivedOn: R }), ...events];
    for (const event of all) {
      await harness.append(caseId, [event]);
      await harness.project();
    }
    return { caseId, state: replay(all) as EhcpCase };
  }

  it('one row per views record, without the summary', async () => {
    const { caseId, state } = await given(
      on.assessed('2025-02-03'),
      viewsRecorded('vw-1', '2025-02-20', 'assessment', 0),
      viewsRecorded('vw-2', '2025-03-10', 'assessment', 1),
    );
    const rows = await viewsOf(harness, caseId);
    expect(rows).toEqual([
      {
        id: `${caseId}/vw-1`,
        team: 'east',
        viewsId: 'vw-1',
        stage: 'assessment',
        method: 'meeting',
        gatheredOn: '2025-02-20',
      },
      {
        id: `${caseId}/vw-2`,
        team: 'east',
        viewsId: 'vw-2',
        stage: 'assessment',
        method: 'questionnaire',
        gatheredOn: '2025-03-10',
      },
    ]);
    expect(rows.map(({ id: _id, team: _team, ...views }) => views)).toEqual(state.views);
    const [columns] = await harness.query<{ names: string[] }>(
      `select array_agg(column_name::text order by column_name) as names from information_schema.columns
        where table_schema = current_schema() and table_name = 'case_views'`,
    );
    expect(columns.names).not.toContain('summary');
  });

  it('a corrected record is written as it now stands; a voided one goes (corrections, 2nd ed.)', async () => {
    const { caseId, state } = await given(
      on.assessed('2025-02-03'),
      viewsRecorded('vw-1', '2025-02-20', 'assessment'),
      viewsRecorded('vw-2', '2025-03-10', 'assessment'),
      // Revisions: 0 the request, 1 the decision, 2 and 3 the views.
      on.factCorrected(
        2,
        'ViewsRecorded',
        { gatheredOn: '2025-02-21', method: 'advocate' },
        'cor-1',
        '2025-03-20',
      ),
      on.factVoided(3, 'ViewsRecorded', 'cor-2', '2025-03-21'),
    );
    expect(await viewsOf(harness, caseId)).toEqual([
      expect.objectContaining({ viewsId: 'vw-1', method: 'advocate', gatheredOn: '2025-02-21' }),
    ]);
    expect(state.views).toEqual([
      { viewsId: 'vw-1', gatheredOn: '2025-02-21', method: 'advocate', stage: 'assessment' },
    ]);
  });

  const counted = (harness: ProjectionHarness, caseId: string) =>
    harness.query(
      `select views_id as "viewsId", plan_counted_on::text as "plan", review_counted_on::text as "review"
         from case_views where case_id = $1 order by views_id`,
      [caseId],
    );

  it("SEN2: the first views gathered by the plan's issue date carry it, once the plan is issued", async () => {
    const caseId = randomUUID();
    const events = [
      on.requestReceived({ caseId, team: 'east', requestReceivedOn: R }),
      on.assessed('2025-02-03'),
      viewsRecorded('vw-b', '2025-03-10', 'assessment'),
      viewsRecorded('vw-a', '2025-02-20', 'assessment'),
      on.toIssue('2025-04-01'),
      on.draftIssued('2025-04-07'),
      viewsRecorded('vw-c', '2025-04-10', 'draft'),
    ];
    await harness.append(caseId, events);
    await harness.project();
    // No plan yet: nothing counts.
    expect(await counted(harness, caseId)).toEqual([
      { viewsId: 'vw-a', plan: null, review: null },
      { viewsId: 'vw-b', plan: null, review: null },
      { viewsId: 'vw-c', plan: null, review: null },
    ]);
    await harness.append(caseId, [on.representations('2025-04-20'), on.finalIssued('2025-05-20')]);
    await harness.project();
    // The earliest gathered counts, whatever the order recorded in; the plan counts once.
    expect(await counted(harness, caseId)).toEqual([
      { viewsId: 'vw-a', plan: '2025-05-20', review: null },
      { viewsId: 'vw-b', plan: null, review: null },
      { viewsId: 'vw-c', plan: null, review: null },
    ]);
  });

  it('SEN2: views for a review gathered in its period carry the day it was held; before it, none', async () => {
    const { caseId } = await given(
      on.assessed('2025-02-03'),
      on.toIssue('2025-04-01'),
      on.draftIssued('2025-04-07'),
      on.representations('2025-04-20'),
      on.finalIssued('2025-05-20'),
      // On the plan's issue date: not after its first review period began.
      viewsRecorded('vw-1', '2025-05-20', 'review'),
      on.reviewHeld('rev-1', '2026-04-20'),
      viewsRecorded('vw-2', '2026-04-13', 'review'),
      viewsRecorded('vw-3', '2026-04-14', 'review'),
      on.reviewDecided('rev-1', 'maintain', '2026-05-04'),
      // The next period began with that decision: these wait for the next review.
      viewsRecorded('vw-4', '2026-05-05', 'review'),
    );
    expect(await counted(harness, caseId)).toEqual([
      { viewsId: 'vw-1', plan: null, review: null },
      { viewsId: 'vw-2', plan: null, review: '2026-05-04' },
      { viewsId: 'vw-3', plan: null, review: null },
      { viewsId: 'vw-4', plan: null, review: null },
    ]);
  });
});

import { randomUUID } from 'node:crypto';
import { on } from '../../../domain/src/testing/case-events';
import { ProjectionHarness } from '../../../../test/support/projection.harness';
import { CaseQuery } from './case.query';
import { WorkTrayQuery } from './work-tray.query';

describe('work tray and case queries', () => {
  let harness: ProjectionHarness;
  let tray: WorkTrayQuery;
  const ids = {
    overdue: randomUUID(),
    soon: randomUUID(),
    later: randomUUID(),
    closed: randomUUID(),
    south: randomUUID(),
  };

  beforeAll(async () => {
    harness = await ProjectionHarness.start('rm_tray');
    tray = new WorkTrayQuery(harness.dataSource);
    await harness.append(ids.later, [
      on.requestReceived({ caseId: ids.later, requestReceivedOn: '2025-03-03', caseworkerId: 'cw-1' }),
    ]);
    await harness.append(ids.overdue, [
      on.requestReceived({ caseId: ids.overdue, requestReceivedOn: '2025-01-06' }),
    ]);
    await harness.append(ids.closed, [
      on.requestReceived({ caseId: ids.closed, requestReceivedOn: '2025-01-06' }),
      on.closed('2025-01-10'),
    ]);
    await harness.append(ids.soon, [
      on.requestReceived({ caseId: ids.soon, requestReceivedOn: '2025-02-03', caseworkerId: 'cw-1' }),
      on.assessed('2025-02-10'),
    ]);
    await harness.append(ids.south, [
      on.requestReceived({ caseId: ids.south, team: 'south', requestReceivedOn: '2024-12-02' }),
    ]);
    await harness.project();
  });
  afterAll(() => harness.close());

  it('lists a team most urgent first: earliest open due date (overdue ones), cases with nothing open last', async () => {
    const { items, total } = await tray.list({ teams: ['north'], page: 1, pageSize: 10 });
    expect(total).toBe(4);
    expect(
      items.map((item) => [item.caseId, item.nextDeadline?.kind ?? null, item.nextDeadline?.dueOn ?? null]),
    ).toEqual([
      [ids.overdue, 'decision_to_assess', '2025-02-17'],
      [ids.later, 'decision_to_assess', '2025-04-14'],
      [ids.soon, 'plan_decision', '2025-05-26'],
      [ids.closed, null, null],
    ]);
    expect(items[0]).toMatchObject({
      team: 'north',
      stage: 'requested',
      reference: expect.stringMatching(/^EHC-/),
    });
    expect(items[0].nextDeadline).toMatchObject({
      id: `${ids.overdue}/decision_to_assess`,
      caseId: ids.overdue,
      metOn: null,
      revision: 0,
    });
  });

  it('filters by caseworker and stage, across all teams, and pages', async () => {
    expect(
      (await tray.list({ teams: null, caseworkerId: 'cw-1', page: 1, pageSize: 10 })).items.map(
        (i) => i.caseId,
      ),
    ).toEqual([ids.later, ids.soon]);
    const requested = await tray.list({ teams: null, stage: 'requested', page: 2, pageSize: 2 });
    expect(requested).toMatchObject({ total: 3, items: [{ caseId: ids.later }] });
    expect((await tray.list({ teams: null, page: 1, pageSize: 1 })).items[0].caseId).toBe(ids.south);
  });

  it('finds one case with its deadlines in due-date order', async () => {
    const found = await new CaseQuery(harness.dataSource).find(ids.soon);
    expect(found?.summary).toMatchObject({
      caseId: ids.soon,
      stage: 'assessing',
      caseworkerId: 'cw-1',
      revision: 1,
      childFirstName: 'Amelia',
      requestReceivedOn: '2025-02-03',
    });
    expect(found?.deadlines.map((d) => [d.kind, d.dueOn, d.metOn])).toEqual([
      ['decision_to_assess', '2025-03-17', '2025-02-10'],
      ['plan_decision', '2025-05-26', null],
      ['final_plan', '2025-06-23', null],
    ]);
    expect(await new CaseQuery(harness.dataSource).find(randomUUID())).toBeNull();
  });
});

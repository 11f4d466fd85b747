import { randomUUID } from 'node:crypto';
import { on } from '../../../domain/src/testing/case-events';
import { ProjectionHarness } from '../../../../test/support/projection.harness';
import { CaseQuery } from './case.query';
import { WorkTrayQuery, type WorkTrayFilter } from './work-tray.query';

/** The tray's evaluation date: stages and the next deadline's status as shown that day. */
const AS_OF = '2025-06-01';

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
    const { items, total } = await tray.list({ teams: ['north'], page: 1, pageSize: 10, asOf: AS_OF });
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
      (await tray.list({ teams: null, caseworkerId: 'cw-1', page: 1, pageSize: 10, asOf: AS_OF })).items.map(
        (i) => i.caseId,
      ),
    ).toEqual([ids.later, ids.soon]);
    const requested = await tray.list({ teams: null, stage: 'requested', page: 2, pageSize: 2, asOf: AS_OF });
    expect(requested).toMatchObject({ total: 3, items: [{ caseId: ids.later }] });
    expect((await tray.list({ teams: null, page: 1, pageSize: 1, asOf: AS_OF })).items[0].caseId).toBe(
      ids.south,
    );
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

  // (2nd ed.) DOMAIN.md "Cessation": a decision to cease dated 2026-01-10 with no appeal ceases the
  // plan on 2026-03-11 (D + 2 months + 1 day): `ceasing` before that day, `ceased` from it.
  describe('a plan transferred in, then a decision to cease (DOMAIN.md "Transfer in", "Cessation")', () => {
    const ceasing = randomUUID();
    const appealed = randomUUID();

    beforeAll(async () => {
      await harness.append(ceasing, [
        on.transferredIn({ caseId: ceasing, team: 'east', transferredOn: '2025-12-01' }),
        on.cessationDecided('2026-01-10'),
      ]);
      await harness.append(appealed, [
        on.transferredIn({ caseId: appealed, team: 'east', transferredOn: '2025-12-01' }),
        on.reassessmentRequested('rea-1', '2026-01-05'),
        on.cessationDecided('2026-01-10'),
        on.appealLodged('app-1', 'cessation', '2026-02-01'),
      ]);
      await harness.project();
    });

    const stagesOn = async (asOf: string) =>
      (await tray.list({ teams: ['east'], page: 1, pageSize: 10, asOf })).items.map((item) => [
        item.caseId,
        item.stage,
      ]);

    it('the tray shows it ceasing on 2026-03-10 and ceased from 2026-03-11; an appealed one stays ceasing', async () => {
      expect(await stagesOn('2026-03-10')).toEqual(
        expect.arrayContaining([
          [ceasing, 'ceasing'],
          [appealed, 'ceasing'],
        ]),
      );
      expect(await stagesOn('2026-03-11')).toEqual(
        expect.arrayContaining([
          [ceasing, 'ceased'],
          [appealed, 'ceasing'],
        ]),
      );
    });

    it('the stage filter follows the stage shown on asOf', async () => {
      const ids = async (stage: 'ceasing' | 'ceased', asOf: string) =>
        (await tray.list({ teams: ['east'], stage, page: 1, pageSize: 10, asOf })).items
          .map((item) => item.caseId)
          .sort();
      expect(await ids('ceasing', '2026-03-10')).toEqual([ceasing, appealed].sort());
      expect(await ids('ceased', '2026-03-10')).toEqual([]);
      expect(await ids('ceasing', '2026-03-11')).toEqual([appealed]);
      expect(await ids('ceased', '2026-03-11')).toEqual([ceasing]);
    });

    // The total comes from work_tray_count (kept by triggers), the items from the rows themselves.
    it('the total is the number of cases each filter lists, the stage as shown on asOf included', async () => {
      const filters: Omit<WorkTrayFilter, 'page' | 'pageSize' | 'asOf'>[] = [
        { teams: null },
        { teams: ['north'] },
        { teams: ['east', 'south'] },
        { teams: null, caseworkerId: 'cw-1' },
        { teams: ['north'], caseworkerId: 'cw-1', stage: 'assessing' },
        { teams: null, stage: 'requested' },
        { teams: ['east'], stage: 'plan_maintained' },
        { teams: ['south'], stage: 'ceased' },
        { teams: ['east'], stage: 'ceasing' },
        { teams: ['east'], stage: 'ceased' },
        { teams: null, stage: 'ceasing' },
        { teams: null, caseworkerId: 'cw-9', stage: 'ceased' },
      ];
      for (const asOf of ['2026-03-10', '2026-03-11'])
        for (const filter of filters) {
          const { items, total } = await tray.list({ ...filter, page: 1, pageSize: 100, asOf });
          expect({ filter, asOf, total }).toEqual({ filter, asOf, total: items.length });
        }
      const total = async (stage: 'ceasing' | 'ceased', asOf: string) =>
        (await tray.list({ teams: null, stage, page: 1, pageSize: 1, asOf })).total;
      expect([await total('ceasing', '2026-03-10'), await total('ceased', '2026-03-10')]).toEqual([2, 0]);
      expect([await total('ceasing', '2026-03-11'), await total('ceased', '2026-03-11')]).toEqual([1, 1]);
    });

    it('its next deadline stays open until the plan ceases, and is no longer shown from that day', async () => {
      const next = async (asOf: string) =>
        (await tray.list({ teams: ['east'], stage: undefined, page: 1, pageSize: 10, asOf })).items.find(
          (item) => item.caseId === ceasing,
        )?.nextDeadline;
      expect(await next('2026-03-10')).toMatchObject({ cancelsOn: '2026-03-11', metOn: null });
      expect(await next('2026-03-11')).toBeNull();
    });

    it('the case shows the day it ceases, where the plan came from, its appeals and the re-assessment under way', async () => {
      const cases = new CaseQuery(harness.dataSource);
      const found = await cases.find(ceasing);
      expect(found?.summary).toMatchObject({
        stage: 'ceasing',
        ceasesOn: '2026-03-11',
        childFirstName: 'Amelia',
      });
      expect(found?.transferIn).toMatchObject({
        fromAuthority: 'Somerset County Council',
        transferredOn: '2025-12-01',
        planMadeOn: '2024-01-15',
        lastReviewedOn: '2025-01-10',
      });
      expect(found?.appeals).toEqual([]);
      expect(found?.reassessment).toBeNull();
      expect(
        found?.deadlines.filter((d) => d.metOn === null && !d.cancelled).map((d) => d.cancelsOn),
      ).toEqual(expect.arrayContaining(['2026-03-11']));

      const appealedCase = await cases.find(appealed);
      expect(appealedCase?.summary.ceasesOn).toBeNull();
      expect(appealedCase?.appeals).toEqual([
        { appealId: 'app-1', against: 'cessation', lodgedOn: '2026-02-01', outcome: null },
      ]);
      expect(appealedCase?.reassessment).toMatchObject({
        requestId: 'rea-1',
        receivedOn: '2026-01-05',
        decision: null,
      });
    });
  });
});

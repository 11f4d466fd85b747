import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { replay, sen2ByMonth, sen2Of, timelineOf, type CaseTimeline, type EhcpCaseEvent } from '@ehcp/domain';
import { on } from '../../../domain/src/testing/case-events';
import { ProjectionHarness } from '../../../../test/support/projection.harness';
import { syntheticCase } from '../testing/synthetic-caseload';
import { Sen2Query } from './sen2.query';

/** A case from request R to its first final plan F, through the statutory steps. */
function planned(
  caseId: string,
  team: string,
  requestOn: string,
  finalOn: string,
  ...extra: EhcpCaseEvent[]
) {
  const minus = (days: number) =>
    new Date(Date.parse(`${finalOn}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  return [
    on.requestReceived({ caseId, team, requestReceivedOn: requestOn }),
    ...extra,
    on.assessed(minus(60)),
    on.toIssue(minus(40)),
    on.draftIssued(minus(30)),
    on.representations(minus(25)),
    on.finalIssued(finalOn),
  ];
}

describe('SEN2 timeliness query', () => {
  let harness: ProjectionHarness;
  let sen2: Sen2Query;
  const timelines: CaseTimeline[] = [];

  async function load(caseId: string, events: EhcpCaseEvent[]) {
    await harness.append(caseId, events);
    timelines.push(timelineOf(replay(events))!);
  }

  beforeAll(async () => {
    harness = await ProjectionHarness.start('rm_sen2');
    sen2 = new Sen2Query(harness.dataSource);
    const id = () => randomUUID();
    // A: 140 days, within 20 weeks; a 10-day absence from the area does not apply (4 weeks needed).
    await load(
      id(),
      planned(
        id(),
        'hand-north',
        '2025-01-06',
        '2025-05-26',
        on.exception('absence_from_area', '2025-02-01', '2025-02-10', 'x'),
      ),
    );
    // B: 141 days. C: 364 days (still within a year). D: 365 days, with an exception applying.
    await load(id(), planned(id(), 'hand-north', '2025-01-06', '2025-05-27'));
    await load(id(), planned(id(), 'hand-south', '2024-06-03', '2025-06-02'));
    await load(
      id(),
      planned(
        id(),
        'hand-south',
        '2024-06-03',
        '2025-06-03',
        on.exception('exceptional_personal_circumstances', '2024-07-01', null, 'x'),
      ),
    );
    // E: 84 days, a 39-day absence from the area applies. F: 133 days.
    await load(
      id(),
      planned(
        id(),
        'hand-north',
        '2025-02-03',
        '2025-04-28',
        on.exception('absence_from_area', '2025-02-10', '2025-03-20', 'x'),
      ),
    );
    await load(id(), planned(id(), 'hand-east', '2025-03-03', '2025-07-14'));
    // Outside the period (issued 2026), and a case with no plan yet: never counted.
    await load(id(), planned(id(), 'hand-north', '2025-09-01', '2026-01-19'));
    const open = id();
    await load(open, [on.requestReceived({ caseId: open, requestReceivedOn: '2025-03-01' })]);
    // The synthetic caseload, for the comparison with the domain's sen2Of.
    for (let index = 0; index < 300; index += 1) {
      const caseId = randomUUID();
      await load(caseId, syntheticCase(caseId, index));
    }
    await harness.project();
  }, 60_000);
  afterAll(() => harness.close());

  it('figures for constructed cases equal hand-computed values, with and without exceptions', async () => {
    const hand = ['hand-north', 'hand-south', 'hand-east'];
    const year = { from: '2025-01-01', to: '2025-12-31' };
    // Days to issue: A 140, B 141, C 364, D 365 (exception applies), E 84 (exception applies), F 133.
    expect(await sen2.figures({ ...year, teams: hand })).toEqual({
      plans_issued_den: 6,
      plans_issued_within_20_weeks: 3, // A, E, F
      pc_plans_issued_within_20_weeks: 50,
      plans_issued_den_ex: 4, // A, B, C, F
      plans_issued_20_weeks_ex: 2, // A, F
      pc_plans_issued_20_weeks_ex: 50,
      plans_issued_gt20weeks_ltyear: 2, // B, C
      plans_issued_gt_1_year: 1, // D
      avg_weeks_issue_plan: 29.2, // 1227 days / (7 * 6)
      avg_weeks_issue_plan_exc: 27.8, // 778 days / (7 * 4)
    });
    expect(await sen2.figures({ ...year, teams: ['hand-north'] })).toEqual({
      plans_issued_den: 3, // A, B, E
      plans_issued_within_20_weeks: 2,
      pc_plans_issued_within_20_weeks: 66.7,
      plans_issued_den_ex: 2,
      plans_issued_20_weeks_ex: 1,
      pc_plans_issued_20_weeks_ex: 50,
      plans_issued_gt20weeks_ltyear: 1,
      plans_issued_gt_1_year: 0,
      avg_weeks_issue_plan: 17.4, // 365 / 21
      avg_weeks_issue_plan_exc: 20.1, // 281 / 14
    });
    const months = await sen2.monthly({ ...year, teams: hand });
    expect(months.map((m) => [m.month, m.plans_issued_den])).toEqual([
      ['2025-01', 0],
      ['2025-02', 0],
      ['2025-03', 0],
      ['2025-04', 1],
      ['2025-05', 2],
      ['2025-06', 2],
      ['2025-07', 1],
      ['2025-08', 0],
      ['2025-09', 0],
      ['2025-10', 0],
      ['2025-11', 0],
      ['2025-12', 0],
    ]);
    expect(months[4]).toMatchObject({ pc_plans_issued_within_20_weeks: 50, avg_weeks_issue_plan: 20.1 });
    expect(months[0]).toMatchObject({ pc_plans_issued_within_20_weeks: null, avg_weeks_issue_plan: null });
  });

  it('equals the domain sen2Of for any period and team', async () => {
    const date = fc
      .date({ min: new Date('2024-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    await fc.assert(
      fc.asyncProperty(
        date,
        date,
        fc.constantFrom(null, 'north', 'south', 'hand-north', 'west'),
        async (a, b, team) => {
          const [from, to] = a <= b ? [a, b] : [b, a];
          const figures = await sen2.figures({ from, to, teams: team === null ? null : [team] });
          expect(figures).toEqual(sen2Of(timelines, { from, to, team }));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('monthly figures equal the domain sen2ByMonth, empty months included', async () => {
    const period = { from: '2024-11-15', to: '2026-02-10' };
    const monthly = await sen2.monthly({ ...period, teams: ['north', 'east'] });
    const expected = ['north', 'east'].map((team) => sen2ByMonth(timelines, { ...period, team }));
    expect(monthly.map((m) => m.month)).toEqual(expected[0].map((m) => m.month));
    expect(monthly[0].month).toBe('2024-11');
    expect(monthly.at(-1)!.month).toBe('2026-02');
    const both = sen2ByMonth(
      timelines.filter((t) => t.team === 'north' || t.team === 'east'),
      period,
    );
    expect(monthly).toEqual(both);
  });
});

import { randomUUID } from 'node:crypto';
import {
  ADVICE_SOURCES,
  DEADLINE_KINDS,
  deadlinesOf,
  replay,
  timelineOf,
  type AdviceSource,
  caseExists,
  type EhcpCase,
  type EhcpCaseEvent,
} from '@ehcp/domain';
import { DataSource } from 'typeorm';
import { on } from '../../../domain/src/testing/case-events';
import { ProjectionHarness } from '../../../../test/support/projection.harness';
import { syntheticCase } from '../testing/synthetic-caseload';
import { DashboardQuery } from './dashboard.query';
import { DeadlinesQuery } from './deadlines.query';
import { percentage } from './one-decimal';
import { Sen2Query } from './sen2.query';

const TEAMS = ['north', 'south', 'east', 'west'];
const SOURCES: AdviceSource[] = ['educational_psychology', 'health', 'social_care'];

const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return Math.round(value * 10) / 10;
}

/** A case with a plan and advice from three sources, the health advice late. */
function planWithAdvice(caseId: string, team: string, requestOn: string, offset: number): EhcpCaseEvent[] {
  const plus = (n: number) => new Date(Date.parse(requestOn) + n * 86_400_000).toISOString().slice(0, 10);
  return [
    on.requestReceived({ caseId, team, requestReceivedOn: requestOn }),
    on.assessed(plus(40 + offset)),
    ...SOURCES.map((source, i) => on.adviceRequested(`adv-${i}`, plus(41 + offset), source)),
    on.adviceReceived('adv-0', plus(60 + offset)),
    on.adviceReceived('adv-1', plus(41 + offset + 50)), // 50 days: after its six weeks
    on.adviceReceived('adv-2', plus(70 + offset)),
    on.toIssue(plus(100 + offset)),
    on.draftIssued(plus(105 + offset)),
    on.representations(plus(110 + offset)),
    on.finalIssued(plus(130 + offset)),
  ];
}

describe("the manager's dashboard queries", () => {
  let harness: ProjectionHarness;
  let dashboard: DashboardQuery;
  let sen2: Sen2Query;
  const states: EhcpCase[] = [];

  async function load(caseId: string, events: EhcpCaseEvent[]) {
    await harness.append(caseId, events);
    const state = replay(events);
    if (caseExists(state)) states.push(state);
  }

  beforeAll(async () => {
    harness = await ProjectionHarness.start('rm_dashboard');
    dashboard = new DashboardQuery(harness.dataSource);
    sen2 = new Sen2Query(harness.dataSource);
    for (let index = 0; index < 240; index += 1) {
      const caseId = randomUUID();
      await load(caseId, syntheticCase(caseId, index));
    }
    for (let index = 0; index < 12; index += 1) {
      const caseId = randomUUID();
      await load(caseId, planWithAdvice(caseId, TEAMS[index % 2], `2025-0${1 + (index % 6)}-06`, index));
    }
    await harness.project();
  }, 120_000);
  afterAll(() => harness.close());

  const period = { from: '2025-01-01', to: '2025-12-31' };

  /** What the stages should be, from the domain's own folds of the same events. */
  function expectedStages(teams: readonly string[]) {
    const plans = states
      .map((state) => ({ state, timeline: timelineOf(state) }))
      .filter(
        ({ state, timeline }) =>
          teams.includes(state.team) &&
          timeline !== null &&
          timeline.openedByRequest &&
          !timeline.appealOrMediationBeforePlan &&
          timeline.firstFinalPlanIssuedOn !== null &&
          timeline.firstFinalPlanIssuedOn >= period.from &&
          timeline.firstFinalPlanIssuedOn <= period.to,
      );
    const from = (pick: (state: EhcpCase) => string | null | undefined) =>
      median(
        plans.flatMap(({ state }) => {
          const on = pick(state);
          return on ? [days(state.requestReceivedOn, on)] : [];
        }),
      );
    const advice = states
      .filter((state) => teams.includes(state.team))
      .flatMap((state) =>
        deadlinesOf(state)
          .filter(
            (d) =>
              d.kind === 'advice' &&
              d.dueOn >= period.from &&
              d.dueOn <= period.to &&
              (d.cancelledOn === null || d.cancelledOn > d.dueOn),
          )
          .map((d) => ({
            source: state.advice.find((request) => request.adviceId === d.ref)!.source,
            onTime: d.metOn !== null && d.metOn <= d.dueOn,
          })),
      );
    return {
      plans_issued: plans.length,
      median_days_to_decision: from((state) => timelineOf(state)?.assessmentDecidedOn),
      median_days_to_draft: from((state) => state.draftIssuedOn),
      median_days_to_final: from((state) => timelineOf(state)?.firstFinalPlanIssuedOn),
      advice: ADVICE_SOURCES.map((source) => {
        const due = advice.filter((row) => row.source === source);
        const met = due.filter((row) => row.onTime).length;
        return { source, due: due.length, met_on_time: met, pc_met_on_time: percentage(met, due.length) };
      }),
    };
  }

  it('stages: medians and advice on time equal those the domain derives, per team and in total', async () => {
    const { teams, total } = await dashboard.stages({ ...period, teams: TEAMS });
    expect(teams.map((team) => team.team)).toEqual([...TEAMS].sort());
    for (const team of teams) expect(team).toEqual({ team: team.team, ...expectedStages([team.team]) });
    expect(total).toEqual(expectedStages(TEAMS));
    // The constructed cases give every source some advice due, and health advice late.
    const health = total.advice.find((row) => row.source === 'health')!;
    expect(health.due).toBeGreaterThan(0);
    expect(health.met_on_time).toBeLessThan(health.due);
  });

  it('stages: plans issued equal SEN2 plans_issued_den for the same period and teams', async () => {
    const { teams, total } = await dashboard.stages({ ...period, teams: ['north', 'south'] });
    const figures = await sen2.byTeam({ ...period, teams: ['north', 'south'] });
    expect(teams.map((team) => team.plans_issued)).toEqual(
      figures.teams.map((team) => team.plans_issued_den),
    );
    expect(total.plans_issued).toBe(figures.total.plans_issued_den);
  });

  it.each([
    // The last ones leave the rows as they were.
    ['2025-03-01', true],
    ['2025-09-15', true],
    ['2025-03-01', false],
    ['2025-09-15', false],
  ])(
    'deadlines: due soon and overdue by kind and team equal GET /deadlines totals on %s (pending cessations: %s)',
    async (asOf, cessations) => {
      // (2nd ed.) A pending cessation cancels open deadlines on a day of its own (cancels_on): some
      // before asOf, some after. Written on the rows here; the tally's triggers follow.
      await harness.query(
        `update case_deadline set cancels_on = case when $1 then due_on + (hashtext(id) % 60) end
          where met_on is null and not cancelled and hashtext(id) % 3 = 0`,
        [cessations],
      );
      const rows = await dashboard.dueSoonAndOverdue({ teams: ['north', 'east'], asOf, warnDays: 14 });
      expect(rows.length).toBeGreaterThan(0);
      const list = new DeadlinesQuery(harness.dataSource);
      for (const kind of DEADLINE_KINDS) {
        for (const team of ['north', 'east']) {
          const row = rows.find((candidate) => candidate.kind === kind && candidate.team === team);
          const page = { page: 1, pageSize: 1, teams: [team], kind, asOf, warnDays: 14 };
          const overdue = (await list.list({ ...page, status: 'overdue' })).total;
          const dueSoon = (await list.list({ ...page, status: 'due_soon' })).total;
          expect([row?.overdue ?? 0, row?.due_soon ?? 0]).toEqual([overdue, dueSoon]);
          if (row) expect(row.overdue + row.due_soon).toBeGreaterThan(0);
        }
      }
    },
  );

  it('monthlyByTeam: each team and the total equal monthly for the same teams', async () => {
    const series = { from: '2024-01-01', to: '2025-12-31' };
    const { teams, total } = await sen2.monthlyByTeam({ ...series, teams: ['north', 'west'] });
    expect(teams.map((team) => team.team)).toEqual(['north', 'west']);
    for (const { team, months } of teams) {
      expect(months).toEqual(await sen2.monthly({ ...series, teams: [team] }));
    }
    expect(total).toEqual(await sen2.monthly({ ...series, teams: ['north', 'west'] }));
    expect(total).toHaveLength(24);
    expect(total.some((month) => month.plans_issued_den > 0)).toBe(true);
  });

  describe('over a few thousand rows', () => {
    beforeAll(async () => {
      // Copies of the projected rows under new ids, to give the planner a realistic table size.
      for (const table of ['case_summary', 'case_state', 'case_deadline']) {
        const columns = (
          await harness.query<{ column_name: string }>(
            `select column_name from information_schema.columns
              where table_schema = current_schema() and table_name = $1`,
            [table],
          )
        ).map((row) => row.column_name);
        const copied = (copy: number) =>
          columns.map((column) => (['case_id', 'id'].includes(column) ? `${column} || '~${copy}'` : column));
        for (let copy = 1; copy <= 12; copy += 1)
          await harness.query(
            `insert into ${table} (${columns.join(', ')}) select ${copied(copy).join(', ')}
               from ${table} where case_id not like '%~%'`,
          );
      }
      await harness.query('analyze');
    }, 60_000);

    /** The statements a call makes, captured from its data source, then explained. */
    async function plansOf(call: (query: DashboardQuery) => Promise<unknown>): Promise<string[]> {
      const statements: [string, unknown[]][] = [];
      const recording = {
        query: (sql: string, params: unknown[]) => {
          statements.push([sql, params]);
          return harness.dataSource.query(sql, params);
        },
      } as unknown as DataSource;
      await call(new DashboardQuery(recording));
      const explained = await Promise.all(
        statements.map(async ([sql, params]) =>
          (await harness.dataSource.query<{ 'QUERY PLAN': string }[]>(`explain ${sql}`, params))
            .map((line) => line['QUERY PLAN'])
            .join('\n'),
        ),
      );
      return explained;
    }

    it('stages read new plans by issue date through an index, and advice from the tally by its key', async () => {
      const [plans, advice] = await plansOf((query) =>
        query.stages({ from: '2025-03-01', to: '2025-03-31', teams: ['north'] }),
      );
      expect(plans).toMatch(/case_summary_(team_)?new_plans/);
      expect(plans).not.toMatch(/Seq Scan on case_summary/);
      expect(advice).toMatch(/timeliness_tally_pkey/);
      expect(advice).not.toMatch(/case_deadline/);
    });

    it('deadline counts read the tally, and only the deadlines a cessation cancels from their rows', async () => {
      const [plan] = await plansOf((query) =>
        query.dueSoonAndOverdue({ teams: ['north'], asOf: '2024-03-01', warnDays: 14 }),
      );
      expect(plan).toMatch(/timeliness_tally_pkey/);
      expect(plan).toMatch(/case_deadline_open_cancelling/);
      expect(plan).not.toMatch(/Seq Scan on case_deadline/);
    });
  });
});

import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { requestBody, startCommandApi, type Caller, type CommandApi } from './support/command-api';
import { startInProcessProjector } from './support/in-process-projector';

/**
 * GET /timeliness/dashboard (API.md): the manager's dashboard in one call. Commands through the api,
 * the projector in the same process, then the dashboard with minPosition, its numbers held equal to
 * GET /timeliness/sen2, /timeliness/monthly, /qa/summary and /deadlines for the same period and teams.
 * The clock stands at 2026-09-30.
 */
const TODAY = '2026-09-30';
const SCHOOL = { institution: 'Riverside Academy', type: 'mainstream' };

describe('GET /timeliness/dashboard', () => {
  let api: CommandApi;
  let projector: INestApplication;
  let caseworker: Caller;
  let manager: Caller;
  let southManager: Caller;
  let admin: Caller;
  let position = '';

  async function post(caller: Caller, path: string, body: unknown): Promise<Record<string, unknown>> {
    const response = await caller.post(path, body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${response.text}`);
    position = response.body.position as string;
    return response.body as Record<string, unknown>;
  }

  interface Path {
    assessOn?: string;
    advice?: { source: string; requestedOn: string; receivedOn: string }[];
    plan?: { decideOn: string; draftOn: string; representationsOn: string; finalOn: string };
  }

  async function newCase(team: string, requestOn: string, path: Path = {}): Promise<string> {
    const caseId = randomUUID();
    const cases = `/cases/${caseId}`;
    await post(caseworker, '/cases', requestBody({ caseId, team, requestReceivedOn: requestOn }));
    if (path.assessOn === undefined) return caseId;
    await post(caseworker, `${cases}/assessment-decision`, { decision: 'assess', decidedOn: path.assessOn });
    for (const advice of path.advice ?? []) {
      const { adviceId } = await post(caseworker, `${cases}/advice-requests`, {
        source: advice.source,
        requestedOn: advice.requestedOn,
      });
      await post(caseworker, `${cases}/advice-requests/${adviceId as string}/received`, {
        receivedOn: advice.receivedOn,
      });
    }
    if (path.plan === undefined) return caseId;
    const { plan } = path;
    await post(caseworker, `${cases}/plan-decision`, { decision: 'issue', decidedOn: plan.decideOn });
    await post(caseworker, `${cases}/draft-plan`, { issuedOn: plan.draftOn });
    await post(caseworker, `${cases}/representations`, { receivedOn: plan.representationsOn });
    await post(caseworker, `${cases}/final-plan`, { issuedOn: plan.finalOn, placement: SCHOOL });
    return caseId;
  }

  beforeAll(async () => {
    api = await startCommandApi({}, TODAY);
    projector = await startInProcessProjector(api.config);
    caseworker = await api.as('cw-1', ['caseworker'], ['north', 'south']);
    manager = await api.as('manager-1', ['manager'], ['north', 'south']);
    southManager = await api.as('manager-south', ['manager'], ['south']);
    admin = await api.as('admin-1', ['admin'], []);

    // North A: decided on day 35, draft on day 98, final on day 133 (within 20 weeks); health advice
    // on time (20 days), educational psychology advice late (50 days).
    await newCase('north', '2025-10-06', {
      assessOn: '2025-11-10',
      advice: [
        { source: 'health', requestedOn: '2025-11-11', receivedOn: '2025-12-01' },
        { source: 'educational_psychology', requestedOn: '2025-11-11', receivedOn: '2025-12-31' },
      ],
      plan: {
        decideOn: '2026-01-05',
        draftOn: '2026-01-12',
        representationsOn: '2026-01-20',
        finalOn: '2026-02-16',
      },
    });
    // North B: decided on day 35, draft on day 152, final on day 182 (late).
    await newCase('north', '2025-11-03', {
      assessOn: '2025-12-08',
      advice: [{ source: 'health', requestedOn: '2025-12-09', receivedOn: '2026-01-05' }],
      plan: {
        decideOn: '2026-03-20',
        draftOn: '2026-04-04',
        representationsOn: '2026-04-10',
        finalOn: '2026-05-04',
      },
    });
    // South C: decided on day 36, draft on day 112, final on day 133.
    await newCase('south', '2026-01-05', {
      assessOn: '2026-02-10',
      plan: {
        decideOn: '2026-04-01',
        draftOn: '2026-04-27',
        representationsOn: '2026-05-01',
        finalOn: '2026-05-18',
      },
    });
    // North D: the decision whether to assess overdue on 2026-09-30 (due 2026-08-12); E: due soon
    // (due 2026-10-01).
    await newCase('north', '2026-07-01');
    await newCase('north', '2026-08-20');
  }, 120_000);

  afterAll(async () => {
    await projector?.close();
    await api?.close();
  });

  const PERIOD = 'from=2025-10-01&to=2026-09-30';
  const get = async (caller: Caller, path: string) =>
    (await caller.get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${position}`).expect(200)).body;

  it('answers the SEN2 table, monthly series and QA summary that their own queries give', async () => {
    const dashboard = await get(manager, `/timeliness/dashboard?${PERIOD}&team=north,south`);
    expect(dashboard.period).toEqual({
      from: '2025-10-01',
      to: '2026-09-30',
      asOf: TODAY,
      teams: ['north', 'south'],
    });
    expect(dashboard.sen2).toEqual(await get(manager, `/timeliness/sen2?${PERIOD}&by=team`));
    expect(dashboard.sen2.total.plans_issued_den).toBe(3);
    expect(dashboard.sen2.total.pc_plans_issued_within_20_weeks).toBe(66.7);
    expect(dashboard.qa).toEqual(await get(manager, `/qa/summary?${PERIOD}`));

    // The 24 months ending with September 2026, per team and in total, as /timeliness/monthly.
    const series = 'from=2024-10-01&to=2026-09-30';
    const pick = (months: Record<string, unknown>[]) =>
      months.map(
        ({ month, plans_issued_den, plans_issued_within_20_weeks, pc_plans_issued_within_20_weeks }) => ({
          month,
          plans_issued_den,
          plans_issued_within_20_weeks,
          pc_plans_issued_within_20_weeks,
        }),
      );
    expect(dashboard.monthly.from).toBe('2024-10-01');
    expect(dashboard.monthly.total).toEqual(pick(await get(manager, `/timeliness/monthly?${series}`)));
    expect(dashboard.monthly.teams.map((team: { team: string }) => team.team)).toEqual(['north', 'south']);
    for (const { team, months } of dashboard.monthly.teams)
      expect(months).toEqual(pick(await get(manager, `/timeliness/monthly?${series}&team=${team}`)));
    expect(dashboard.monthly.total).toHaveLength(24);
    expect(dashboard.monthly.total.find((month: { month: string }) => month.month === '2026-02')).toEqual({
      month: '2026-02',
      plans_issued_den: 1,
      plans_issued_within_20_weeks: 1,
      pc_plans_issued_within_20_weeks: 100,
    });

    expect(dashboard.england.rates).toContainEqual({
      year: 2024,
      pcPlansIssuedWithin20Weeks: 46.4,
      pcPlansIssuedWithin20WeeksEx: null,
      plansIssued: 97_747,
    });
    expect(dashboard.england.source).toMatch(/explore-education-statistics/);
  });

  it('shows where the weeks go: median days to decision, draft and final, and advice on time by source', async () => {
    const { stages } = await get(manager, `/timeliness/dashboard?${PERIOD}`);
    const [north, south] = stages.teams;
    expect(north).toMatchObject({
      team: 'north',
      plans_issued: 2,
      median_days_to_decision: 35,
      median_days_to_draft: 125, // (98 + 152) / 2
      median_days_to_final: 157.5, // (133 + 182) / 2
    });
    expect(south).toMatchObject({
      team: 'south',
      plans_issued: 1,
      median_days_to_decision: 36,
      median_days_to_draft: 112,
      median_days_to_final: 133,
    });
    expect(stages.total).toMatchObject({ plans_issued: 3, median_days_to_final: 133 });
    const source = (advice: { source: string }[], name: string) => advice.find((row) => row.source === name);
    expect(source(north.advice, 'health')).toEqual({
      source: 'health',
      due: 2,
      met_on_time: 2,
      pc_met_on_time: 100,
    });
    expect(source(north.advice, 'educational_psychology')).toEqual({
      source: 'educational_psychology',
      due: 1,
      met_on_time: 0,
      pc_met_on_time: 0,
    });
    expect(source(stages.total.advice, 'social_care')).toEqual({
      source: 'social_care',
      due: 0,
      met_on_time: 0,
      pc_met_on_time: null,
    });
  });

  it('counts open deadlines due soon and overdue by kind and team, as GET /deadlines lists them', async () => {
    const { deadlines } = await get(manager, `/timeliness/dashboard?${PERIOD}&team=north`);
    expect(deadlines).toEqual([
      {
        kind: 'decision_to_assess',
        title: 'Decide whether to assess',
        team: 'north',
        due_soon: 1,
        overdue: 1,
      },
    ]);
    for (const status of ['overdue', 'due_soon']) {
      const list = await get(
        manager,
        `/deadlines?team=north&kind=decision_to_assess&status=${status}&asOf=${TODAY}`,
      );
      expect(list.total).toBe(1);
    }
    // On a later day both decisions are overdue, and D's 16-week decision whether to issue is due soon.
    const later = await get(manager, `/timeliness/dashboard?${PERIOD}&team=north&asOf=2026-10-20`);
    expect(later.deadlines).toMatchObject([
      { kind: 'decision_to_assess', due_soon: 0, overdue: 2 },
      { kind: 'plan_decision', team: 'north', due_soon: 1, overdue: 0 },
    ]);
  });

  it("limits the teams to the caller's: another team is a 403, a bad code a 400", async () => {
    const south = await get(southManager, `/timeliness/dashboard?${PERIOD}`);
    expect(south.period.teams).toEqual(['south']);
    expect(south.sen2.teams.map((team: { team: string }) => team.team)).toEqual(['south']);
    await southManager.get(`/timeliness/dashboard?${PERIOD}&team=south,north`).expect(403);
    await manager.get(`/timeliness/dashboard?${PERIOD}&team=north,no%20such`).expect(400);
    await manager.get('/timeliness/dashboard?from=2026-09-30&to=2026-01-01').expect(400);
    await api.anonymous().get('/timeliness/dashboard').expect(401);
    const all = await get(admin, `/timeliness/dashboard?${PERIOD}`);
    expect(all.period.teams).toBeNull();
    expect(all.sen2).toEqual(await get(admin, `/timeliness/sen2?${PERIOD}&by=team`));
  });

  it('defaults to the twelve months ending today', async () => {
    const dashboard = await get(manager, '/timeliness/dashboard');
    expect(dashboard.period).toMatchObject({ from: '2025-10-01', to: TODAY, asOf: TODAY });
  });
});

import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Clock, ManualClock } from '@ehcp/config';
import { expectProblem } from './support/case-http';
import { requestBody, startCommandApi, type Caller, type CommandApi } from './support/command-api';
import { startInProcessProjector } from './support/in-process-projector';

/**
 * Issue 17, published timeliness (GET /public/timeliness, no sign-in): the numbers of
 * GET /timeliness/monthly and /timeliness/sen2?by=team, with counts of 1 to 4 suppressed (and the
 * percentages built on them withheld) as official statistics do, and a second count suppressed where
 * subtraction from the total would give a small one away. North issues 3 plans, south 6, east 7, all
 * in February 2026. The clock stands at 1 Mar 2027.
 */
const PERIOD = 'from=2025-09-01&to=2026-08-31';
const TEAMS = 'east=East team,north=North team,south=South team';
const PLACEMENT = { institution: 'Riverside Primary School', type: 'mainstream' };

type Row = Record<string, unknown> & { suppressed: string[]; secondary: string[]; withheld: string[] };
type TeamRow = Row & { team: string; name: string };
interface Published {
  period: { from: string; to: string };
  council: { name: string };
  england: { source: string; rates: unknown[] };
  months: { month: string; total: Row; teams: TeamRow[] }[];
  totals: { total: Row; teams: TeamRow[] };
}

describe('GET /public/timeliness (issue 17)', () => {
  let api: CommandApi;
  let projector: INestApplication;
  let caseworker: Caller;
  let admin: Caller;
  let position = '';

  async function send(path: string, body: unknown): Promise<void> {
    const response = await caseworker.post(path, body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${response.text}`);
    position = response.body.position as string;
  }

  /** A new plan issued 16 Feb 2026: within 20 weeks of a request on 6 Oct 2025, late from 1 Sep. */
  async function plan(team: string, onTime: boolean): Promise<void> {
    const caseId = randomUUID();
    const at = (path: string) => `/cases/${caseId}${path}`;
    await send(
      '/cases',
      requestBody({ caseId, team, requestReceivedOn: onTime ? '2025-10-06' : '2025-09-01' }),
    );
    await send(at('/assessment-decision'), { decision: 'assess', decidedOn: '2025-11-10' });
    await send(at('/plan-decision'), { decision: 'issue', decidedOn: '2026-01-05' });
    await send(at('/draft-plan'), { issuedOn: '2026-01-12' });
    await send(at('/final-plan'), { issuedOn: '2026-02-16', placement: PLACEMENT });
  }

  /** The figures a manager gets (admin: every team), once the read models hold every command. */
  const internal = async (path: string) =>
    (await admin.get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${position}`).expect(200)).body;

  const published = async (query = PERIOD): Promise<Published> => {
    const response = await api.anonymous().get(`/public/timeliness?${query}`).expect(200);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    return response.body as Published;
  };

  beforeAll(async () => {
    api = await startCommandApi({ TEAMS, COUNCIL_NAME: 'Exampleshire County Council' });
    projector = await startInProcessProjector(api.config);
    caseworker = await api.as('cw-1', ['caseworker'], ['north', 'south', 'east']);
    admin = await api.as('admin-1', ['admin'], []);
    for (const [team, plans, late] of [
      ['north', 3, 1],
      ['south', 6, 2],
      ['east', 7, 0],
    ] as const)
      for (let index = 0; index < plans; index += 1) await plan(team, index >= late);
    await internal('/timeliness/monthly');
  }, 180_000);

  afterAll(async () => {
    await projector?.close();
    await api?.close();
  });

  it('needs no sign-in, names the council and sets England beside it', async () => {
    const body = await published();
    expect(body.period).toEqual({ from: '2025-09-01', to: '2026-08-31' });
    expect(body.council).toEqual({ name: 'Exampleshire County Council' });
    expect(body.england.rates.length).toBeGreaterThan(0);
    expect(body.months.map((m) => m.month)).toHaveLength(12);
    expect(body.totals.teams.map((t) => [t.team, t.name])).toEqual([
      ['east', 'East team'],
      ['north', 'North team'],
      ['south', 'South team'],
    ]);
  });

  it('matches GET /timeliness/monthly and /timeliness/sen2?by=team wherever a number is shown', async () => {
    const body = await published();
    const shownEqual = (row: Row, figures: Record<string, unknown>) => {
      const shown = Object.entries(row).filter(
        ([field, value]) =>
          value !== null && !['suppressed', 'secondary', 'withheld', 'team', 'name'].includes(field),
      );
      expect(shown.length).toBeGreaterThan(0);
      for (const [field, value] of shown) expect([field, value]).toEqual([field, figures[field]]);
      for (const field of [...row.suppressed, ...row.withheld]) expect(row[field]).toBeNull();
    };
    const monthly = (await internal(`/timeliness/monthly?${PERIOD}`)) as Record<string, unknown>[];
    body.months.forEach((month, index) => shownEqual(month.total, monthly[index]));
    for (const team of ['east', 'north', 'south']) {
      const teamMonthly = (await internal(`/timeliness/monthly?${PERIOD}&team=${team}`)) as Record<
        string,
        unknown
      >[];
      body.months.forEach((month, index) =>
        shownEqual(
          month.teams.find((row) => row.team === team)!,
          teamMonthly[index],
        ),
      );
    }
    const byTeam = (await internal(`/timeliness/sen2?${PERIOD}&by=team`)) as {
      teams: Record<string, unknown>[];
      total: Record<string, unknown>;
    };
    shownEqual(body.totals.total, byTeam.total);
    for (const row of body.totals.teams)
      shownEqual(
        row,
        byTeam.teams.find((t) => t.team === row.team)!,
      );
    expect(body.totals.total).toMatchObject({
      plans_issued_den: 16,
      plans_issued_within_20_weeks: 13,
      pc_plans_issued_within_20_weeks: 81.3,
    });
  });

  it('north, with 3 plans: "fewer than 5", and no percentage; south, the next smallest, suppressed beside it; east shown', async () => {
    const { totals, months } = await published();
    const team = (code: string) => totals.teams.find((row) => row.team === code)!;
    expect(team('north')).toMatchObject({
      plans_issued_den: null,
      plans_issued_within_20_weeks: null,
      pc_plans_issued_within_20_weeks: null,
      requests_decided: null,
      secondary: [],
    });
    expect(team('north').suppressed).toEqual(
      expect.arrayContaining(['plans_issued_den', 'plans_issued_within_20_weeks']),
    );
    expect(team('north').withheld).toEqual(expect.arrayContaining(['pc_plans_issued_within_20_weeks']));
    expect(team('south')).toMatchObject({ plans_issued_den: null, pc_plans_issued_within_20_weeks: null });
    expect(team('south').secondary).toContain('plans_issued_den');
    expect(team('east')).toMatchObject({
      plans_issued_den: 7,
      plans_issued_within_20_weeks: 7,
      pc_plans_issued_within_20_weeks: 100,
    });
    const february = months.find((m) => m.month === '2026-02')!;
    expect(february.teams.find((row) => row.team === 'north')).toMatchObject({ plans_issued_den: null });
    expect(february.total).toMatchObject({ plans_issued_den: 16 });
  });

  it('answers from its cache for 5 minutes: a plan issued meanwhile shows after that', async () => {
    const query = 'from=2025-09-01&to=2026-08-30';
    expect((await published(query)).totals.total.plans_issued_den).toBe(16);
    await plan('east', true);
    await internal('/timeliness/monthly');
    expect((await published(query)).totals.total.plans_issued_den).toBe(16);
    const clock = api.app.get(Clock) as ManualClock;
    clock.advance(301_000);
    expect((await published(query)).totals.total.plans_issued_den).toBe(17);
  });

  it.each([
    ['from after to', 'from=2026-02-01&to=2026-01-31', 'from'],
    ['over 24 months', 'from=2024-01-01&to=2026-01-01', 'to'],
    ['a date that is not one', 'from=2026-02-30', 'from'],
    ['an unknown parameter', 'team=north', 'team'],
  ])('%s: 400 naming the field, and nothing cached', async (_what, query, field) => {
    const response = await api.anonymous().get(`/public/timeliness?${query}`);
    expectProblem(response, 400, 'VALIDATION_FAILED', field);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('exactly 24 months is published', async () => {
    await published('from=2024-01-02&to=2026-01-01');
  });
});

describe('the public endpoints are rate-limited (the probes are not)', () => {
  let api: CommandApi;

  beforeAll(async () => {
    api = await startCommandApi({ RATE_LIMIT_PER_MINUTE: '2' });
  }, 60_000);
  afterAll(() => api?.close());

  it('the third request of a minute from one address: 429 RATE_LIMITED, on either public endpoint', async () => {
    await api.anonymous().get('/public/timeliness').expect(200);
    expectProblem(
      await api.anonymous().post('/family/view', { token: 'A'.repeat(43) }),
      404,
      'FAMILY_LINK_NOT_FOUND',
    );
    expectProblem(await api.anonymous().get('/public/timeliness'), 429, 'RATE_LIMITED');
    expectProblem(await api.anonymous().post('/family/view', { token: 'A'.repeat(43) }), 429, 'RATE_LIMITED');
    for (let probe = 0; probe < 3; probe += 1) await api.anonymous().get('/health/live').expect(200);
  });
});

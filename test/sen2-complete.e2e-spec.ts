import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { requestBody, startCommandApi, type Caller, type CommandApi } from './support/command-api';
import { startInProcessProjector } from './support/in-process-projector';

/**
 * DOMAIN.md 2nd ed., change 8 ("SEN2 complete"; issue 14 item 4): every field of the SEN2 table, the
 * request, review and phase-transfer measures, on GET /timeliness/sen2 and /timeliness/monthly, and
 * `by=team` (API.md). Commands through the api, the projector in the same process, then the queries
 * with minPosition. The clock stands at 2027-12-01, so that a phase transfer of 2028 can be planned
 * and met by an amended plan dated in the school year before it.
 */
const TODAY = '2027-12-01';
const SCHOOL = { institution: 'Riverside Academy', type: 'mainstream' };
const SECONDARY = { institution: 'Hill Secondary', type: 'mainstream' };

describe('SEN2 complete (DOMAIN.md "Timeliness statistics", 2nd ed.)', () => {
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

  /** A request, the decision to assess, and (with `finalOn`) the path to the first final plan. */
  async function newCase(
    team: string,
    requestOn: string,
    assessOn: string,
    plan?: { decideOn: string; draftOn: string; representationsOn: string; finalOn: string },
  ): Promise<string> {
    const caseId = randomUUID();
    const cases = `/cases/${caseId}`;
    await post(caseworker, '/cases', requestBody({ caseId, team, requestReceivedOn: requestOn }));
    await post(caseworker, `${cases}/assessment-decision`, { decision: 'assess', decidedOn: assessOn });
    if (plan === undefined) return caseId;
    await post(caseworker, `${cases}/plan-decision`, { decision: 'issue', decidedOn: plan.decideOn });
    await post(caseworker, `${cases}/draft-plan`, { issuedOn: plan.draftOn });
    await post(caseworker, `${cases}/representations`, { receivedOn: plan.representationsOn });
    await post(caseworker, `${cases}/final-plan`, { issuedOn: plan.finalOn, placement: SCHOOL });
    return caseId;
  }

  const sen2 = async (caller: Caller, query: string) =>
    (await caller.get(`/timeliness/sen2?${query}&minPosition=${position}`).expect(200)).body;

  beforeAll(async () => {
    api = await startCommandApi({}, TODAY);
    projector = await startInProcessProjector(api.config);
    caseworker = await api.as('cw-1', ['caseworker'], ['north', 'south']);
    manager = await api.as('manager-1', ['manager'], ['north', 'south']);
    southManager = await api.as('manager-south', ['manager'], ['south']);
    admin = await api.as('admin-1', ['admin'], []);

    // P1 (north): decided on R + 42, plan on R + 140. Review meeting 2027-04-01, decided 35 days
    // later (before the review's due date 2027-05-24). A 2028 school-phase transfer met by an
    // amended plan naming the new school.
    const p1 = await newCase('north', '2026-01-05', '2026-02-16', {
      decideOn: '2026-04-01',
      draftOn: '2026-04-10',
      representationsOn: '2026-04-15',
      finalOn: '2026-05-25',
    });
    const { reviewId } = await post(caseworker, `/cases/${p1}/reviews`, { meetingHeldOn: '2027-04-01' });
    await post(caseworker, `/cases/${p1}/reviews/${reviewId}/decision`, {
      decision: 'maintain',
      decidedOn: '2027-05-06',
    });
    await post(caseworker, `/cases/${p1}/phase-transfers`, { kind: 'school_phase', transferYear: 2028 });
    const { noticeId } = await post(caseworker, `/cases/${p1}/amendment-notices`, { issuedOn: '2027-11-01' });
    await post(caseworker, `/cases/${p1}/amendment-notices/${noticeId}/representations`, {
      receivedOn: '2027-11-05',
    });
    await post(caseworker, `/cases/${p1}/amended-plan`, { noticeId, issuedOn: TODAY, placement: SECONDARY });

    // P2 (north): decided on R + 43; exceptional personal circumstances from 2026-02-01 apply to
    // its final_plan; plan on R + 182. No review held (due 2027-07-05); a 2028 transfer never met.
    const p2 = randomUUID();
    await post(
      caseworker,
      '/cases',
      requestBody({ caseId: p2, team: 'north', requestReceivedOn: '2026-01-05' }),
    );
    await post(caseworker, `/cases/${p2}/exceptions`, {
      reason: 'exceptional_personal_circumstances',
      startedOn: '2026-02-01',
    });
    await post(caseworker, `/cases/${p2}/assessment-decision`, {
      decision: 'assess',
      decidedOn: '2026-02-17',
    });
    await post(caseworker, `/cases/${p2}/plan-decision`, { decision: 'issue', decidedOn: '2026-05-01' });
    await post(caseworker, `/cases/${p2}/draft-plan`, { issuedOn: '2026-05-10' });
    await post(caseworker, `/cases/${p2}/representations`, { receivedOn: '2026-05-15' });
    await post(caseworker, `/cases/${p2}/final-plan`, { issuedOn: '2026-07-06', placement: SCHOOL });
    await post(caseworker, `/cases/${p2}/phase-transfers`, { kind: 'school_phase', transferYear: 2028 });

    // P3 (south): refused on R + 28.
    const p3 = randomUUID();
    await post(
      caseworker,
      '/cases',
      requestBody({ caseId: p3, team: 'south', requestReceivedOn: '2025-11-03' }),
    );
    await post(caseworker, `/cases/${p3}/assessment-decision`, {
      decision: 'refuse',
      decidedOn: '2025-12-01',
    });

    // P4 (south): decided before the period; plan on R + 378; no review held (due 2027-06-14).
    await newCase('south', '2025-06-02', '2025-07-01', {
      decideOn: '2026-04-01',
      draftOn: '2026-04-10',
      representationsOn: '2026-04-15',
      finalOn: '2026-06-15',
    });
  }, 120_000);

  afterAll(async () => {
    await projector?.close();
    await api?.close();
  });

  const PERIOD = 'from=2025-09-01&to=2028-02-29';

  it('GET /timeliness/sen2: every field of the SEN2 table and the request, review and transfer measures', async () => {
    expect(await sen2(manager, PERIOD)).toEqual({
      // New plans: P1 140 days, P2 182 (exception applies), P4 378.
      plans_issued_den: 3,
      plans_issued_within_20_weeks: 1,
      pc_plans_issued_within_20_weeks: 33.3,
      plans_issued_den_ex: 2,
      plans_issued_20_weeks_ex: 1,
      pc_plans_issued_20_weeks_ex: 50,
      plans_issued_gt20weeks_ltyear: 1,
      pc_plans_issued_gt20weeks_ltyear: 33.3,
      plans_issued_gt_1_year: 1,
      pc_plans_issued_gt_1_year: 33.3,
      plans_issued_gt20weeks_ltyear_ex: 0,
      pc_plans_issued_gt20weeks_ltyear_ex: 0,
      plans_issued_gt_1_year_ex: 1,
      pc_plans_issued_gt_1_year_ex: 50,
      avg_weeks_issue_plan: 33.3, // 700 days / 21
      avg_weeks_issue_plan_exc: 37, // 518 days / 14
      // No appeal or mediation can be recorded yet (a later process).
      plans_excluded_appeal: 0,
      // P1 on R + 42, P2 on R + 43, P3's refusal on R + 28 (P4 decided before the period).
      requests_decided: 3,
      requests_decided_within_6_weeks: 2,
      pc_requests_decided_within_6_weeks: 66.7,
      requests_refused: 1,
      // P1's first review completed in time; P2's and P4's never held.
      reviews_due: 3,
      reviews_completed_on_time: 1,
      pc_reviews_completed_on_time: 33.3,
      // P1's decision 35 days after the meeting.
      review_decisions: 1,
      review_decisions_within_4_weeks: 0,
      pc_review_decisions_within_4_weeks: 0,
      // Both due 2028-02-14: P1's met by the amended plan, P2's not.
      phase_transfers_due: 2,
      phase_transfers_met: 1,
      pc_phase_transfers_met: 50,
      // (2nd ed.) No child's views recorded; P1's review completed by its decision.
      plans_issued_with_views: 0,
      pc_plans_issued_with_views: 0,
      reviews_held: 1,
      reviews_held_with_views: 0,
      pc_reviews_held_with_views: 0,
    });
  });

  it("GET /timeliness/sen2?by=team: each of the caller's teams and the total, in one answer", async () => {
    const byTeam = await sen2(manager, `${PERIOD}&by=team`);
    expect(byTeam.teams.map((row: { team: string }) => row.team)).toEqual(['north', 'south']);
    expect(byTeam.total).toEqual(await sen2(manager, PERIOD));
    expect(byTeam.teams[0]).toEqual({ team: 'north', ...(await sen2(manager, `${PERIOD}&team=north`)) });
    expect(byTeam.teams[1]).toEqual({ team: 'south', ...(await sen2(manager, `${PERIOD}&team=south`)) });
    expect(byTeam.teams[0]).toMatchObject({
      plans_issued_den: 2,
      requests_decided: 2,
      requests_refused: 0,
      phase_transfers_due: 2,
    });
    expect(byTeam.teams[1]).toMatchObject({
      plans_issued_den: 1,
      plans_issued_gt_1_year: 1,
      pc_plans_issued_gt_1_year: 100,
      requests_decided: 1,
      requests_refused: 1,
      pc_requests_decided_within_6_weeks: 100,
      reviews_due: 1,
    });
    // A team with nothing in the period still has its entry, with zeros and null percentages.
    const autumn = await sen2(manager, 'from=2027-09-01&to=2028-02-29&by=team');
    expect(autumn.teams[1]).toMatchObject({
      team: 'south',
      plans_issued_den: 0,
      pc_plans_issued_within_20_weeks: null,
      phase_transfers_due: 0,
      pc_phase_transfers_met: null,
    });
    expect(autumn.total).toMatchObject({ phase_transfers_due: 2, phase_transfers_met: 1 });
  });

  it("by=team is limited to the caller's teams; an admin gets every team with data", async () => {
    const south = await sen2(southManager, `${PERIOD}&by=team`);
    expect(south.teams.map((row: { team: string }) => row.team)).toEqual(['south']);
    expect(south.total).toEqual(await sen2(southManager, PERIOD));
    const all = await sen2(admin, `${PERIOD}&by=team`);
    expect(all.teams.map((row: { team: string }) => row.team)).toEqual(['north', 'south']);
    expect(all.total).toEqual(await sen2(manager, PERIOD));
    const one = await sen2(manager, `${PERIOD}&by=team&team=south`);
    expect(one.teams.map((row: { team: string }) => row.team)).toEqual(['south']);
    const forbidden = await southManager.get(`/timeliness/sen2?${PERIOD}&by=team&team=north`).expect(403);
    expect(forbidden.body.code).toBe('FORBIDDEN_TEAM');
    const bad = await manager.get(`/timeliness/sen2?${PERIOD}&by=caseworker`).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('GET /timeliness/monthly: every field per month, each measure in the month of its own fact', async () => {
    const { body } = await manager
      .get(`/timeliness/monthly?from=2026-01-01&to=2026-07-31&team=north&minPosition=${position}`)
      .expect(200);
    expect(body.map((row: { month: string }) => row.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
    ]);
    const [, february, , , may, , july] = body;
    expect(Object.keys(may).sort()).toEqual(['month', ...Object.keys(await sen2(manager, PERIOD))].sort());
    expect(february).toMatchObject({
      requests_decided: 2,
      requests_decided_within_6_weeks: 1,
      pc_requests_decided_within_6_weeks: 50,
      plans_issued_den: 0,
    });
    expect(may).toMatchObject({ plans_issued_den: 1, plans_issued_within_20_weeks: 1, requests_decided: 0 });
    expect(july).toMatchObject({
      plans_issued_den: 1,
      plans_issued_den_ex: 0,
      plans_issued_gt20weeks_ltyear: 1,
      pc_plans_issued_gt20weeks_ltyear: 100,
      pc_plans_issued_gt20weeks_ltyear_ex: null,
      avg_weeks_issue_plan: 26,
      avg_weeks_issue_plan_exc: null,
    });
  });
});

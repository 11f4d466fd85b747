import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import {
  GOOD_SECTIONS,
  given,
  requestBody,
  startCommandApi,
  type Caller,
  type CommandApi,
} from './support/command-api';
import { startInProcessProjector } from './support/in-process-projector';

/**
 * Commands through the api, the projector following the log in the same process, then the queries
 * over HTTP: with minPosition each answer already shows the command's effect. The api's clock is
 * stopped at TODAY (2027-03-01).
 */
describe('queries over the read models', () => {
  let api: CommandApi;
  let projector: INestApplication;
  let caseworker: Caller;
  let manager: Caller;
  let southManager: Caller;
  let admin: Caller;
  let qaOfficer: Caller;
  const requested = randomUUID();
  const onTime = randomUUID();
  const late = randomUUID();
  let position = '';

  async function command(caller: Caller, path: string, body: unknown, method: 'post' | 'del' = 'post') {
    const response = method === 'post' ? await caller.post(path, body) : await caller.del(path);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${response.text}`);
    position = response.body.position as string;
    return response.body as { position: string; revision: number };
  }

  const planned = (caseId: string, requestOn: string, steps: [string, unknown][]) =>
    given(caseworker, [
      ['/cases', requestBody({ caseId, requestReceivedOn: requestOn })],
      ...steps.map(([path, body]) => [`/cases/${caseId}${path}`, body] as const),
    ]);

  beforeAll(async () => {
    // The production wait (API.md: 5 s), which the 503 test below proves.
    api = await startCommandApi({ READ_YOUR_WRITES_WAIT_MS: '5000' });
    projector = await startInProcessProjector(api.config);
    caseworker = await api.as('cw-north', ['caseworker']);
    manager = await api.as('manager-north', ['manager']);
    southManager = await api.as('manager-south', ['manager'], ['south']);
    admin = await api.as('admin-1', ['admin'], []);
    qaOfficer = await api.as('qa-north', ['qa_officer']);
    // 133 days from request to plan: within 20 weeks.
    await planned(onTime, '2026-06-01', [
      ['/assessment-decision', { decision: 'assess', decidedOn: '2026-06-20' }],
      ['/plan-decision', { decision: 'issue', decidedOn: '2026-08-01' }],
      ['/draft-plan', { issuedOn: '2026-08-10' }],
      ['/representations', { receivedOn: '2026-08-15' }],
      [
        '/final-plan',
        { issuedOn: '2026-10-12', placement: { institution: 'Riverside Academy', type: 'mainstream' } },
      ],
    ]);
    // 210 days, with exceptional personal circumstances applying.
    const last = await planned(late, '2026-03-02', [
      ['/exceptions', { reason: 'exceptional_personal_circumstances', startedOn: '2026-04-01' }],
      ['/assessment-decision', { decision: 'assess', decidedOn: '2026-04-10' }],
      ['/plan-decision', { decision: 'issue', decidedOn: '2026-06-01' }],
      ['/draft-plan', { issuedOn: '2026-06-05' }],
      ['/representations', { receivedOn: '2026-06-10' }],
      ['/final-plan', { issuedOn: '2026-09-28', placement: { institution: 'Hill School', type: 'special' } }],
    ]);
    position = last.position as string;
  }, 90_000);

  afterAll(async () => {
    await projector?.close();
    await api?.close();
  });

  it('GET /cases/{caseId} with minPosition shows a new case at once, child and deadlines included', async () => {
    await command(
      caseworker,
      '/cases',
      requestBody({ caseId: requested, requestReceivedOn: '2027-01-04', reference: 'EHC-7' }),
    );
    // How long the wait takes is measured by `npm run bench` (read-model lag), not asserted here.
    const { body } = await caseworker.get(`/cases/${requested}?minPosition=${position}`).expect(200);
    expect(body).toEqual({
      caseId: requested,
      reference: 'EHC-7',
      team: 'north',
      caseworkerId: null,
      stage: 'requested',
      requestedBy: 'parent',
      requestReceivedOn: '2027-01-04',
      child: { firstName: 'Amelia', lastName: 'Khan', dateOfBirth: '2016-04-12' },
      revision: 0,
      ceasesOn: null,
      appeals: [],
      transferredIn: null,
      reassessment: null,
      views: [],
      familyLink: null,
      deadlines: [
        {
          id: 'decision_to_assess',
          kind: 'decision_to_assess',
          title: 'Decide whether to assess',
          ref: null,
          startsOn: '2027-01-04',
          dueOn: '2027-02-15',
          metOn: null,
          cancelsOn: null,
          status: 'overdue',
          daysRemaining: -14,
          exceptionApplies: false,
          rule: expect.stringContaining('5(1)'),
        },
        expect.objectContaining({
          id: 'plan_decision',
          dueOn: '2027-04-26',
          status: 'on_track',
          daysRemaining: 56,
        }),
        expect.objectContaining({
          id: 'final_plan',
          dueOn: '2027-05-24',
          status: 'on_track',
          daysRemaining: 84,
        }),
      ],
    });
  });

  it('each command is visible to the next query with its position', async () => {
    await command(caseworker, `/cases/${requested}/caseworker`, {
      caseworkerId: 'cw-north',
      assignedOn: '2027-01-05',
    });
    const { body } = await caseworker.get(`/cases/${requested}?minPosition=${position}`).expect(200);
    expect(body).toMatchObject({ caseworkerId: 'cw-north', revision: 1 });
  });

  it('GET /cases: the work tray, most urgent first', async () => {
    const { body } = await manager.get(`/cases?minPosition=${position}`).expect(200);
    expect(body.total).toBe(3);
    expect(body.items.map((item: { caseId: string }) => item.caseId)).toEqual([requested, late, onTime]);
    expect(body.items[0]).toEqual({
      caseId: requested,
      reference: 'EHC-7',
      team: 'north',
      stage: 'requested',
      nextDeadline: expect.objectContaining({
        id: 'decision_to_assess',
        status: 'overdue',
        daysRemaining: -14,
      }),
    });
    expect(body.items[1].nextDeadline).toMatchObject({
      kind: 'annual_review',
      dueOn: '2027-09-27',
      status: 'on_track',
    });
    const mine = await caseworker.get('/cases?caseworkerId=cw-north&stage=requested&pageSize=1').expect(200);
    expect(mine.body).toMatchObject({ total: 1, items: [{ caseId: requested }] });
  });

  it('GET /cases/{caseId} and GET /cases evaluate statuses on asOf (API.md), default today', async () => {
    const { body } = await caseworker.get(`/cases/${requested}?asOf=2027-02-10`).expect(200);
    expect(body.deadlines[0]).toMatchObject({
      id: 'decision_to_assess',
      status: 'due_soon',
      daysRemaining: 5,
    });
    expect(body.deadlines[2]).toMatchObject({ id: 'final_plan', status: 'on_track', daysRemaining: 103 });
    const tray = await caseworker.get('/cases?stage=requested&asOf=2027-01-04').expect(200);
    expect(tray.body.items[0].nextDeadline).toMatchObject({
      id: 'decision_to_assess',
      status: 'on_track',
      daysRemaining: 42,
    });
  });

  it('GET /deadlines by status, kind and asOf', async () => {
    const overdue = await manager.get('/deadlines?status=overdue').expect(200);
    expect(overdue.body).toEqual({
      total: 1,
      items: [
        expect.objectContaining({
          caseId: requested,
          team: 'north',
          id: 'decision_to_assess',
          status: 'overdue',
        }),
      ],
    });
    const soon = await manager
      .get('/deadlines?status=due_soon&kind=decision_to_assess&asOf=2027-02-10')
      .expect(200);
    expect(soon.body.items).toEqual([
      expect.objectContaining({ caseId: requested, daysRemaining: 5, status: 'due_soon' }),
    ]);
    const late_ = await manager.get('/deadlines?status=met_late&page=1&pageSize=10').expect(200);
    expect(late_.body.items).toEqual([
      expect.objectContaining({ caseId: late, kind: 'final_plan', metOn: '2026-09-28' }),
    ]);
  });

  it('GET /timeliness/sen2 and /timeliness/monthly: the DfE figures, with and without exceptions', async () => {
    const { body } = await manager.get('/timeliness/sen2?from=2026-01-01&to=2027-03-01').expect(200);
    expect(body).toEqual({
      plans_issued_den: 2,
      plans_issued_within_20_weeks: 1,
      pc_plans_issued_within_20_weeks: 50,
      plans_issued_den_ex: 1,
      plans_issued_20_weeks_ex: 1,
      pc_plans_issued_20_weeks_ex: 100,
      plans_issued_gt20weeks_ltyear: 1,
      pc_plans_issued_gt20weeks_ltyear: 50,
      plans_issued_gt_1_year: 0,
      pc_plans_issued_gt_1_year: 0,
      plans_issued_gt20weeks_ltyear_ex: 0,
      pc_plans_issued_gt20weeks_ltyear_ex: 0,
      plans_issued_gt_1_year_ex: 0,
      pc_plans_issued_gt_1_year_ex: 0,
      avg_weeks_issue_plan: 24.5, // (133 + 210) / 14
      avg_weeks_issue_plan_exc: 19, // 133 / 7
      plans_excluded_appeal: 0,
      // Both decided to assess within 6 weeks (19 and 39 days); no review or transfer due yet.
      requests_decided: 2,
      requests_decided_within_6_weeks: 2,
      pc_requests_decided_within_6_weeks: 100,
      requests_refused: 0,
      reviews_due: 0,
      reviews_completed_on_time: 0,
      pc_reviews_completed_on_time: null,
      review_decisions: 0,
      review_decisions_within_4_weeks: 0,
      pc_review_decisions_within_4_weeks: null,
      phase_transfers_due: 0,
      phase_transfers_met: 0,
      pc_phase_transfers_met: null,
      plans_issued_with_views: 0,
      pc_plans_issued_with_views: 0,
      reviews_held: 0,
      reviews_held_with_views: 0,
      pc_reviews_held_with_views: null,
    });
    const monthly = await manager
      .get('/timeliness/monthly?from=2026-08-15&to=2026-10-31&team=north')
      .expect(200);
    expect(
      monthly.body.map((m: { month: string; plans_issued_den: number }) => [m.month, m.plans_issued_den]),
    ).toEqual([
      ['2026-08', 0],
      ['2026-09', 1],
      ['2026-10', 1],
    ]);
    // Default period: the twelve months up to today.
    expect((await manager.get('/timeliness/sen2').expect(200)).body.plans_issued_den).toBe(2);
  });

  it('GET /qa/summary after an audit', async () => {
    await command(qaOfficer, `/cases/${onTime}/qa-audits`, {
      planVersion: 'final',
      auditedOn: '2026-11-01',
      auditorRole: 'qa_officer',
      sections: GOOD_SECTIONS,
    });
    const { body } = await manager
      .get(`/qa/summary?from=2026-01-01&to=2026-12-31&minPosition=${position}`)
      .expect(200);
    expect(body).toMatchObject({
      audits: 1,
      goodOrBetterPct: 100,
      grades: { outstanding: 0, good: 1, requires_improvement: 0, inadequate: 0 },
      coveragePct: 50,
    });
    expect(body.sections.B).toEqual({ averageScore: 3, inadequate: 0 });
    expect(body.sections.C).toEqual({ averageScore: null, inadequate: 0 });
  });

  it('erasure removes the child from the case screen', async () => {
    await command(admin, `/cases/${requested}/personal-data`, undefined, 'del');
    const { body } = await caseworker.get(`/cases/${requested}?minPosition=${position}`).expect(200);
    expect(body.child).toBeNull();
  });

  it('team scoping: other teams are invisible, a foreign team parameter is 403, admin sees all', async () => {
    expect((await southManager.get('/cases').expect(200)).body.total).toBe(0);
    expect(
      (await southManager.get('/timeliness/sen2?from=2026-01-01&to=2026-12-31').expect(200)).body
        .plans_issued_den,
    ).toBe(0);
    const forbidden = await southManager.get('/deadlines?team=north').expect(403);
    expect(forbidden.body.code).toBe('FORBIDDEN_TEAM');
    await southManager.get(`/cases/${requested}`).expect(403);
    await southManager.get('/qa/summary?team=north').expect(403);
    expect((await admin.get('/cases').expect(200)).body.total).toBe(3);
    await api.anonymous().get('/cases').expect(401);
  });

  it('400 for bad parameters, 404 for an unknown case', async () => {
    for (const query of [
      '/deadlines?status=late',
      '/deadlines?kind=everything',
      '/deadlines?asOf=2027-02-30',
      '/deadlines?pageSize=0',
      '/deadlines?pageSize=201',
      '/deadlines?page=two',
      '/deadlines?colour=red',
      '/cases?stage=lost',
      '/timeliness/sen2?from=2026-12-31&to=2026-01-01',
      '/timeliness/monthly?from=2001-01-01&to=2026-01-01',
      '/qa/summary?to=yesterday',
      '/cases?minPosition=somewhere',
      '/cases?asOf=2027-13-01',
      `/cases/${requested}?asOf=tomorrow`,
      '/cases/not-a-uuid',
    ]) {
      const response = await manager.get(query);
      expect([query, response.status, response.body.code]).toEqual([query, 400, 'VALIDATION_FAILED']);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const missing = await manager.get(`/cases/${randomUUID()}`).expect(404);
    expect(missing.body.code).toBe('CASE_NOT_FOUND');
  });

  it('503 with Retry-After when the read models do not reach minPosition within 5 s', async () => {
    const response = await manager.get(`/cases?minPosition=999999999999.1`).expect(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.body.code).toBe('READ_MODELS_BEHIND');
  }, 15_000);
});

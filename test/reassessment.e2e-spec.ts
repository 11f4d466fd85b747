import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { requestBody, startCommandApi, type CommandApi } from './support/command-api';
import { CaseHttp, expectProblem } from './support/case-http';
import { startInProcessProjector } from './support/in-process-projector';

const PLACEMENT = { institution: 'Riverside Primary School', type: 'mainstream' };

/**
 * DOMAIN.md (2nd ed.) "Re-assessment" over HTTP (api and projector on a real PostgreSQL): the request
 * received on Q opens `reassessment_decision` (Q + 15, reg 25 as council and SENDIASS guidance read
 * it), a decision to re-assess notified on S opens `reassessment_plan` (S + 98, reg 27(2); reg 27(3)
 * exceptions), advice, draft and representations go to the re-assessment, and it ends with a final
 * plan or a notice that the plan stays unchanged. The api's clock stands at 2027-03-01; deadlines
 * are read at two `asOf` dates.
 */
describe('re-assessment (SEND Regs 2014 regs 25, 27; DOMAIN.md 2nd ed.)', () => {
  let api: CommandApi;
  let projector: INestApplication;
  let http: CaseHttp;

  beforeAll(async () => {
    api = await startCommandApi();
    projector = await startInProcessProjector(api.config);
    http = new CaseHttp(await api.as('cw-north', ['caseworker']));
  }, 90_000);

  afterAll(async () => {
    await projector?.close();
    await api?.close();
  });

  /** A case with its first plan issued on 20 May 2025 (request 6 Jan 2025: within 20 weeks). */
  async function maintainedCase(): Promise<string> {
    const caseId = randomUUID();
    await http.send('/cases', requestBody({ caseId, requestReceivedOn: '2025-01-06' }));
    const at = (path: string) => `/cases/${caseId}${path}`;
    await http.send(at('/assessment-decision'), { decision: 'assess', decidedOn: '2025-02-10' });
    await http.send(at('/plan-decision'), { decision: 'issue', decidedOn: '2025-04-01' });
    await http.send(at('/draft-plan'), { issuedOn: '2025-04-07' });
    await http.send(at('/representations'), { receivedOn: '2025-04-10' });
    await http.send(at('/final-plan'), { issuedOn: '2025-05-20', placement: PLACEMENT });
    return caseId;
  }

  it('request 1 Jun 2026, decision 10 Jun, school advice during the summer closure, draft, representations, final plan 14 Sep: both deadlines met, the exception applies (reg 27(3))', async () => {
    const caseId = await maintainedCase();
    const at = (path: string) => `/cases/${caseId}${path}`;
    const { requestId } = await http.send(at('/reassessment-requests'), {
      receivedOn: '2026-06-01',
      requestedBy: 'parent',
    });
    expect(requestId).toEqual(expect.any(String));
    const decisionId = `reassessment_decision-${requestId}`;
    expect(await http.deadline(caseId, decisionId, '2026-06-01')).toEqual({
      id: decisionId,
      kind: 'reassessment_decision',
      title: expect.any(String),
      ref: requestId,
      startsOn: '2026-06-01',
      dueOn: '2026-06-16',
      metOn: null,
      status: 'on_track',
      daysRemaining: 15,
      exceptionApplies: false,
      cancelsOn: null,
      rule: expect.stringMatching(/reg 25.*15 days/),
    });
    expect(await http.deadline(caseId, decisionId, '2026-06-17')).toMatchObject({
      status: 'overdue',
      daysRemaining: -1,
    });

    await http.send(at(`/reassessment-requests/${requestId}/decision`), {
      decision: 'reassess',
      decidedOn: '2026-06-10',
    });
    const planId = `reassessment_plan-${requestId}`;
    const decided = await http.screen(caseId, '2026-08-01');
    expect(decided.stage).toBe('reassessing');
    expect(decided.deadlines.find((d) => d.id === decisionId)).toMatchObject({
      metOn: '2026-06-10',
      status: 'met',
    });
    expect(decided.deadlines.find((d) => d.id === planId)).toMatchObject({
      kind: 'reassessment_plan',
      ref: requestId,
      startsOn: '2026-06-10',
      dueOn: '2026-09-16',
      metOn: null,
      status: 'on_track',
      daysRemaining: 46,
      exceptionApplies: false,
      rule: expect.stringContaining('reg 27(2)'),
    });

    // reg 10(4)(a) via reg 27(3): advice asked of a school from a week before a closure of 4+ weeks.
    const { adviceId } = await http.send(at('/advice-requests'), {
      source: 'educational',
      requestedOn: '2026-07-16',
    });
    await http.send(at('/exceptions'), {
      reason: 'institution_closure',
      startedOn: '2026-07-22',
      endedOn: '2026-09-03',
    });
    expect(await http.deadline(caseId, `advice-${adviceId}`, '2026-08-01')).toMatchObject({
      startsOn: '2026-07-16',
      dueOn: '2026-08-27',
      status: 'on_track',
    });
    await http.send(at(`/advice-requests/${adviceId}/received`), { receivedOn: '2026-08-20' });
    expect(await http.deadline(caseId, planId, '2026-09-02')).toMatchObject({
      status: 'due_soon',
      daysRemaining: 14,
      exceptionApplies: true,
    });

    await http.send(at('/draft-plan'), { issuedOn: '2026-09-01' });
    await http.send(at('/representations'), { receivedOn: '2026-09-08' });
    // Inside the draft's 15-day window (1 .. 15 Sep), allowed as representations were received (reg 13(1)).
    await http.send(at('/final-plan'), { issuedOn: '2026-09-14', placement: PLACEMENT });
    const ended = await http.screen(caseId, '2026-09-20');
    expect(ended.stage).toBe('plan_maintained');
    expect(ended.deadlines.find((d) => d.id === planId)).toMatchObject({
      metOn: '2026-09-14',
      status: 'met',
      daysRemaining: null,
      exceptionApplies: true,
    });
    // A plan after re-assessment starts a new 12-month period, like a first plan (CFA s44(1)).
    const review = `annual_review-reassessment-${requestId}`;
    expect(ended.deadlines.find((d) => d.id === review)).toMatchObject({
      startsOn: '2026-09-14',
      dueOn: '2027-09-13',
      metOn: null,
      status: 'on_track',
    });
    expect(await http.deadline(caseId, review)).toMatchObject({ daysRemaining: 196 });
    expect(await http.deadline(caseId, 'annual_review')).toMatchObject({
      startsOn: '2025-05-20',
      dueOn: '2026-05-19',
      metOn: '2026-09-14',
      status: 'met_late',
    });
  });

  it('request from the school 5 Oct 2026, decision 19 Oct, ending "unchanged" 11 Jan 2027: reassessment_plan due 25 Jan 2027 met', async () => {
    const caseId = await maintainedCase();
    const at = (path: string) => `/cases/${caseId}${path}`;
    const { requestId } = await http.send(at('/reassessment-requests'), {
      requestId: 'reassess-2',
      receivedOn: '2026-10-05',
      requestedBy: 'institution',
    });
    expect(requestId).toBe('reassess-2');
    expect(await http.deadline(caseId, 'reassessment_decision-reassess-2', '2026-10-10')).toMatchObject({
      dueOn: '2026-10-20',
      status: 'due_soon',
      daysRemaining: 10,
    });
    await http.send(at('/reassessment-requests/reassess-2/decision'), {
      decision: 'reassess',
      decidedOn: '2026-10-19',
    });
    expect(await http.deadline(caseId, 'reassessment_decision-reassess-2', '2026-10-25')).toMatchObject({
      metOn: '2026-10-19',
      status: 'met',
    });
    expect(await http.deadline(caseId, 'reassessment_plan-reassess-2', '2026-11-01')).toMatchObject({
      startsOn: '2026-10-19',
      dueOn: '2027-01-25',
      status: 'on_track',
      daysRemaining: 85,
    });
    expect(await http.deadline(caseId, 'reassessment_plan-reassess-2', '2027-01-20')).toMatchObject({
      status: 'due_soon',
      daysRemaining: 5,
    });
    // One re-assessment at a time.
    expectProblem(
      await http.refused(at('/reassessment-requests'), { receivedOn: '2026-11-02', requestedBy: 'parent' }),
      409,
      'REASSESSMENT_ALREADY_OPEN',
    );

    await http.send(at('/reassessment-requests/reassess-2/unchanged'), { decidedOn: '2027-01-11' });
    const ended = await http.screen(caseId);
    expect(ended.stage).toBe('plan_maintained');
    expect(ended.deadlines.find((d) => d.id === 'reassessment_plan-reassess-2')).toMatchObject({
      metOn: '2027-01-11',
      status: 'met',
    });
    // "Unchanged" is no new plan: the annual review clock runs on from the first plan.
    expect(ended.deadlines.filter((d) => d.kind === 'annual_review').map((d) => d.id)).toEqual([
      'annual_review',
    ]);
    expectProblem(
      await http.refused(at('/reassessment-requests/reassess-2/unchanged'), { decidedOn: '2027-01-12' }),
      409,
      'REASSESSMENT_NOT_OPEN',
    );
  });

  it("the LA's own initiative (requestedBy local_authority): no request to answer, only reassessment_plan from its notice", async () => {
    const caseId = await maintainedCase();
    const at = (path: string) => `/cases/${caseId}${path}`;
    const { requestId } = await http.send(at('/reassessment-requests'), {
      receivedOn: '2026-11-02',
      requestedBy: 'local_authority',
    });
    await http.send(at(`/reassessment-requests/${requestId}/decision`), {
      decision: 'reassess',
      decidedOn: '2026-11-02',
    });
    const ids = await http.deadlineIds(caseId);
    expect(ids).not.toContain(`reassessment_decision-${requestId}`);
    expect(await http.deadline(caseId, `reassessment_plan-${requestId}`)).toMatchObject({
      startsOn: '2026-11-02',
      dueOn: '2027-02-08',
      status: 'overdue',
      daysRemaining: -21,
    });
  });

  it('a refusal to re-assess meets reassessment_decision and leaves the plan maintained; refusals as problem+json', async () => {
    const caseId = await maintainedCase();
    const at = (path: string) => `/cases/${caseId}${path}`;
    const { requestId } = await http.send(at('/reassessment-requests'), {
      receivedOn: '2026-12-01',
      requestedBy: 'young_person',
    });
    await http.send(at(`/reassessment-requests/${requestId}/decision`), {
      decision: 'refuse',
      decidedOn: '2026-12-18',
    });
    const screen = await http.screen(caseId, '2026-12-20');
    expect(screen.stage).toBe('plan_maintained');
    expect(screen.deadlines.find((d) => d.id === `reassessment_decision-${requestId}`)).toMatchObject({
      dueOn: '2026-12-16',
      metOn: '2026-12-18',
      status: 'met_late',
    });
    expect(screen.deadlines.map((d) => d.id)).not.toContain(`reassessment_plan-${requestId}`);

    const before = await http.revision(caseId);
    expectProblem(
      await http.refused(at(`/reassessment-requests/${requestId}/decision`), {
        decision: 'refuse',
        decidedOn: '2026-12-19',
      }),
      409,
      'REASSESSMENT_ALREADY_DECIDED',
    );
    expectProblem(
      await http.refused(at('/reassessment-requests/no-such-request/unchanged'), { decidedOn: '2026-12-19' }),
      404,
      'REASSESSMENT_REQUEST_NOT_FOUND',
    );
    expectProblem(
      await http.refused(at('/reassessment-requests'), {
        receivedOn: '2026-12-19',
        requestedBy: 'grandparent',
      }),
      400,
      'VALIDATION_FAILED',
      'requestedBy',
    );
    expectProblem(
      await http.refused(at('/reassessment-requests'), { receivedOn: '2027-03-02', requestedBy: 'parent' }),
      400,
      'VALIDATION_FAILED',
      'receivedOn',
    );
    expect(await http.revision(caseId)).toBe(before);

    // No plan yet: nothing to re-assess.
    const requested = randomUUID();
    await http.send('/cases', requestBody({ caseId: requested }));
    expectProblem(
      await http.refused(`/cases/${requested}/reassessment-requests`, {
        receivedOn: '2025-03-01',
        requestedBy: 'parent',
      }),
      409,
      'REASSESSMENT_BEFORE_FINAL_PLAN',
    );
  });

  it('re-assessment plans never count in SEN2: only the first plans (May 2025) do', async () => {
    expect(await http.sen2('from=2026-01-01&to=2027-03-01')).toMatchObject({
      plans_issued_den: 0,
      plans_excluded_appeal: 0,
    });
    expect(await http.sen2('from=2025-05-01&to=2025-05-31')).toMatchObject({
      plans_issued_den: 4,
      plans_issued_within_20_weeks: 4,
    });
  });
});

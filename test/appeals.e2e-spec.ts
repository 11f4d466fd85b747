import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { requestBody, startCommandApi, type CommandApi } from './support/command-api';
import { CaseHttp, expectProblem } from './support/case-http';
import { startInProcessProjector } from './support/in-process-projector';

const PLACEMENT = { institution: 'Riverside Primary School', type: 'mainstream' };

/**
 * DOMAIN.md (2nd ed.) "Appeals and Tribunal orders" over HTTP (api and projector on a real
 * PostgreSQL): an appeal and its outcome; an order or a concession opens the `order_*` deadlines
 * counted from O (SEND Regs 2014 reg 44(2); reg 45) and cancels the path it replaces; a plan after an
 * appeal against the refusal to assess or not to issue, or after a mediation (regs 33-37), is left
 * out of the SEN2 20-week measures and counted in `plans_excluded_appeal`. The api's clock stands at
 * 2027-03-01; deadlines are read at two `asOf` dates.
 */
describe('appeals, Tribunal orders and mediation (SEND Regs 2014 regs 33-37, 44, 45; DOMAIN.md 2nd ed.)', () => {
  let api: CommandApi;
  let projector: INestApplication;
  let http: CaseHttp;

  beforeAll(async () => {
    api = await startCommandApi();
    projector = await startInProcessProjector(api.config);
    http = new CaseHttp(await api.as('cw-1', ['caseworker'], ['north', 'south']));
  }, 90_000);

  afterAll(async () => {
    await projector?.close();
    await api?.close();
  });

  /** A new case (team north unless told), its request received on `requestOn`; returns the path builder. */
  async function opened(requestOn: string, team = 'north') {
    const caseId = randomUUID();
    await http.send('/cases', requestBody({ caseId, team, requestReceivedOn: requestOn }));
    return { caseId, at: (path: string) => `/cases/${caseId}${path}` };
  }

  /** A case with its first plan issued on 20 May 2025 (request 6 Jan 2025). */
  async function maintainedCase(team = 'north') {
    const found = await opened('2025-01-06', team);
    await http.send(found.at('/assessment-decision'), { decision: 'assess', decidedOn: '2025-02-10' });
    await http.send(found.at('/plan-decision'), { decision: 'issue', decidedOn: '2025-04-01' });
    await http.send(found.at('/draft-plan'), { issuedOn: '2025-04-07' });
    await http.send(found.at('/representations'), { receivedOn: '2025-04-10' });
    await http.send(found.at('/final-plan'), { issuedOn: '2025-05-20', placement: PLACEMENT });
    return found;
  }

  it('refusal to assess, appeal, order to assess on Mon 2 Mar 2026: notice due 16 Mar, decision 11 May, plan 8 Jun; the original final_plan cancelled; the LA assesses and issues; the plan is left out of SEN2', async () => {
    const { caseId, at } = await opened('2025-09-01');
    await http.send(at('/assessment-decision'), { decision: 'refuse', decidedOn: '2025-10-06' });
    const { appealId } = await http.send(at('/appeals'), {
      lodgedOn: '2025-11-20',
      against: 'refusal_to_assess',
    });
    expect(appealId).toEqual(expect.any(String));
    const lodged = await http.screen(caseId, '2025-12-01');
    expect(lodged.stage).toBe('refused_to_assess');
    expect(lodged.appeals).toEqual([
      expect.objectContaining({
        appealId,
        against: 'refusal_to_assess',
        lodgedOn: '2025-11-20',
        outcome: null,
      }),
    ]);
    // An appeal opens no deadline of its own.
    expect(lodged.deadlines.filter((d) => d.kind.startsWith('order_'))).toEqual([]);

    await http.send(at(`/appeals/${appealId}/outcome`), { outcome: 'order', decidedOn: '2026-03-02' });
    const ordered = await http.screen(caseId, '2026-03-05');
    const byId = (id: string) => ordered.deadlines.find((d) => d.id === id);
    expect(byId(`order_assessment_notice-${appealId}`)).toEqual({
      id: `order_assessment_notice-${appealId}`,
      kind: 'order_assessment_notice',
      title: expect.any(String),
      ref: appealId,
      startsOn: '2026-03-02',
      dueOn: '2026-03-16',
      metOn: null,
      status: 'due_soon',
      daysRemaining: 11,
      exceptionApplies: false,
      cancelsOn: null,
      rule: expect.stringContaining('reg 44(2)'),
    });
    expect(byId(`order_plan_decision-${appealId}`)).toMatchObject({
      startsOn: '2026-03-02',
      dueOn: '2026-05-11',
      status: 'on_track',
      daysRemaining: 67,
    });
    expect(byId(`order_final_plan-${appealId}`)).toMatchObject({
      startsOn: '2026-03-02',
      dueOn: '2026-06-08',
      status: 'on_track',
      daysRemaining: 95,
    });
    expect(byId('final_plan')).toMatchObject({ dueOn: '2026-01-19', status: 'cancelled' });
    expect(byId('decision_to_assess')).toMatchObject({ metOn: '2025-10-06', status: 'met' });

    // The LA complies: it decides to assess, then the ordinary commands record the steps.
    await http.send(at('/assessment-decision'), { decision: 'assess', decidedOn: '2026-03-09' });
    const assessing = await http.screen(caseId, '2026-03-20');
    expect(assessing.deadlines.find((d) => d.id === `order_assessment_notice-${appealId}`)).toMatchObject({
      metOn: '2026-03-09',
      status: 'met',
    });
    // The order's clock governs: the original 20-week final_plan is not reopened by the decision to assess.
    expect(assessing.deadlines.find((d) => d.id === 'final_plan')).toMatchObject({
      metOn: null,
      status: 'cancelled',
    });
    const { adviceId } = await http.send(at('/advice-requests'), {
      source: 'educational_psychology',
      requestedOn: '2026-03-16',
    });
    await http.send(at(`/advice-requests/${adviceId}/received`), { receivedOn: '2026-04-20' });
    await http.send(at('/plan-decision'), { decision: 'issue', decidedOn: '2026-04-27' });
    await http.send(at('/draft-plan'), { issuedOn: '2026-05-04' });
    await http.send(at('/representations'), { receivedOn: '2026-05-11' });
    expect(await http.deadline(caseId, `order_final_plan-${appealId}`, '2026-05-25')).toMatchObject({
      status: 'due_soon',
      daysRemaining: 14,
    });
    await http.send(at('/final-plan'), { issuedOn: '2026-05-26', placement: PLACEMENT });

    const done = await http.screen(caseId, '2026-06-01');
    expect(done.stage).toBe('plan_maintained');
    const after = (id: string) => done.deadlines.find((d) => d.id === id);
    expect(after(`order_final_plan-${appealId}`)).toMatchObject({ metOn: '2026-05-26', status: 'met' });
    // A decision to issue cancels order_plan_decision, as it does plan_decision (reg 10(1) binds "not issue").
    expect(after(`order_plan_decision-${appealId}`)).toMatchObject({ metOn: null, status: 'cancelled' });
    expect(after('final_plan')).toMatchObject({ status: 'cancelled' });
    expect(after('plan_decision')).toMatchObject({ status: 'cancelled' });

    expect(await http.sen2('from=2026-05-01&to=2026-05-31&team=north')).toMatchObject({
      plans_issued_den: 0,
      plans_issued_within_20_weeks: 0,
      plans_excluded_appeal: 1,
    });
  });

  it('"not issue" appealed, order on 2 Feb 2026: draft due 9 Mar (O + 35), final plan due 20 Apr (O + 77); both met', async () => {
    const { caseId, at } = await opened('2025-09-01');
    await http.send(at('/assessment-decision'), { decision: 'assess', decidedOn: '2025-10-06' });
    await http.send(at('/plan-decision'), { decision: 'not_issue', decidedOn: '2025-12-15' });
    const { appealId } = await http.send(at('/appeals'), {
      appealId: 'ni-1',
      lodgedOn: '2026-01-05',
      against: 'not_issue',
    });
    expect(appealId).toBe('ni-1');
    await http.send(at('/appeals/ni-1/outcome'), { outcome: 'order', decidedOn: '2026-02-02' });
    expect(await http.deadline(caseId, 'order_draft_plan-ni-1', '2026-02-10')).toMatchObject({
      startsOn: '2026-02-02',
      dueOn: '2026-03-09',
      status: 'on_track',
      daysRemaining: 27,
    });
    expect(await http.deadline(caseId, 'order_final_plan-ni-1', '2026-02-10')).toMatchObject({
      dueOn: '2026-04-20',
      status: 'on_track',
      daysRemaining: 69,
    });
    expect(await http.deadlineIds(caseId)).not.toContain('order_assessment_notice-ni-1');

    await http.send(at('/plan-decision'), { decision: 'issue', decidedOn: '2026-02-09' });
    await http.send(at('/draft-plan'), { issuedOn: '2026-03-02' });
    expect(await http.deadline(caseId, 'order_draft_plan-ni-1')).toMatchObject({
      metOn: '2026-03-02',
      status: 'met',
    });
    expect(await http.deadline(caseId, 'order_final_plan-ni-1', '2026-04-15')).toMatchObject({
      status: 'due_soon',
      daysRemaining: 5,
    });
    await http.send(at('/representations'), { receivedOn: '2026-03-09' });
    await http.send(at('/final-plan'), { issuedOn: '2026-04-13', placement: PLACEMENT });
    const done = await http.screen(caseId);
    expect(done.deadlines.find((d) => d.id === 'order_final_plan-ni-1')).toMatchObject({
      metOn: '2026-04-13',
      status: 'met',
    });
    expect(done.deadlines.find((d) => d.id === 'final_plan')).toMatchObject({ status: 'cancelled' });
    expect(done.deadlines.find((d) => d.id === 'plan_decision')).toMatchObject({
      metOn: '2025-12-15',
      status: 'met',
    });
    expect(await http.sen2('from=2026-04-01&to=2026-04-30&team=north')).toMatchObject({
      plans_issued_den: 0,
      plans_excluded_appeal: 1,
    });
  });

  it('plan contents appealed, conceded on 6 Oct 2025 (reg 45): order_amended_plan due 10 Nov (O + 35), met by the amended plan', async () => {
    const { caseId, at } = await maintainedCase();
    const { appealId } = await http.send(at('/appeals'), {
      lodgedOn: '2025-08-01',
      against: 'plan_contents',
    });
    await http.send(at(`/appeals/${appealId}/outcome`), { outcome: 'conceded', decidedOn: '2025-10-06' });
    const id = `order_amended_plan-${appealId}`;
    expect(await http.deadline(caseId, id, '2025-10-20')).toMatchObject({
      kind: 'order_amended_plan',
      ref: appealId,
      startsOn: '2025-10-06',
      dueOn: '2025-11-10',
      metOn: null,
      status: 'on_track',
      daysRemaining: 21,
    });
    expect(await http.deadline(caseId, id, '2025-11-11')).toMatchObject({
      status: 'overdue',
      daysRemaining: -1,
    });

    const { noticeId } = await http.send(at('/amendment-notices'), { issuedOn: '2025-10-13' });
    await http.send(at(`/amendment-notices/${noticeId}/representations`), { receivedOn: '2025-10-20' });
    await http.send(at('/amended-plan'), { noticeId, issuedOn: '2025-11-03', placement: null });
    const done = await http.screen(caseId, '2025-11-20');
    expect(done.stage).toBe('plan_maintained');
    expect(done.deadlines.find((d) => d.id === id)).toMatchObject({ metOn: '2025-11-03', status: 'met' });
    expect(done.deadlines.find((d) => d.id === `amended_plan-${noticeId}`)).toMatchObject({
      metOn: '2025-11-03',
      status: 'met',
    });
  });

  it('placement (section I) appealed, order on 1 Sep 2025: order_amended_plan due 15 Sep (O + 14); a dismissed appeal opens nothing', async () => {
    const { caseId, at } = await maintainedCase();
    const { appealId } = await http.send(at('/appeals'), { lodgedOn: '2025-07-01', against: 'placement' });
    await http.send(at(`/appeals/${appealId}/outcome`), { outcome: 'order', decidedOn: '2025-09-01' });
    const id = `order_amended_plan-${appealId}`;
    expect(await http.deadline(caseId, id, '2025-09-05')).toMatchObject({
      dueOn: '2025-09-15',
      status: 'due_soon',
      daysRemaining: 10,
    });
    expect(await http.deadline(caseId, id, '2025-09-16')).toMatchObject({
      status: 'overdue',
      daysRemaining: -1,
    });

    const dismissed = await http.send(at('/appeals'), { lodgedOn: '2025-10-01', against: 'plan_contents' });
    await http.send(at(`/appeals/${dismissed.appealId}/outcome`), {
      outcome: 'dismissed',
      decidedOn: '2025-12-01',
    });
    expect((await http.deadlineIds(caseId)).filter((d) => d.endsWith(dismissed.appealId))).toEqual([]);
  });

  it('a mediation started before the plan is issued opens no deadline and leaves the plan out of SEN2 (plans_excluded_appeal)', async () => {
    const { caseId, at } = await opened('2025-01-06', 'south');
    await http.send(at('/assessment-decision'), { decision: 'assess', decidedOn: '2025-02-10' });
    await http.send(at('/plan-decision'), { decision: 'issue', decidedOn: '2025-04-01' });
    await http.send(at('/draft-plan'), { issuedOn: '2025-04-07' });
    await http.send(at('/representations'), { receivedOn: '2025-04-10' });
    const before = await http.deadlineIds(caseId);
    const { mediationId } = await http.send(at('/mediations'), { startedOn: '2025-04-14' });
    expect(mediationId).toEqual(expect.any(String));
    expect(await http.deadlineIds(caseId)).toEqual(before);
    await http.send(at(`/mediations/${mediationId}/end`), { endedOn: '2025-05-05' });
    await http.send(at('/final-plan'), { issuedOn: '2025-05-20', placement: PLACEMENT });
    // Within 20 weeks (R + 140 = 26 May 2025), yet left out: a mediation took place on its path.
    expect(await http.deadline(caseId, 'final_plan')).toMatchObject({ metOn: '2025-05-20', status: 'met' });
    expect(await http.sen2('from=2025-05-01&to=2025-05-31&team=south')).toMatchObject({
      plans_issued_den: 0,
      plans_issued_within_20_weeks: 0,
      plans_excluded_appeal: 1,
    });

    const revision = await http.revision(caseId);
    expectProblem(
      await http.refused(at(`/mediations/${mediationId}/end`), { endedOn: '2025-06-01' }),
      409,
      'MEDIATION_ALREADY_ENDED',
    );
    expectProblem(
      await http.refused(at('/mediations/no-such-mediation/end'), { endedOn: '2025-06-01' }),
      404,
      'MEDIATION_NOT_FOUND',
    );
    const late = await http.send(at('/mediations'), { mediationId: 'med-2', startedOn: '2025-06-02' });
    expect(late.mediationId).toBe('med-2');
    expectProblem(
      await http.refused(at('/mediations/med-2/end'), { endedOn: '2025-06-01' }),
      409,
      'MEDIATION_END_BEFORE_START',
    );
    expect(await http.revision(caseId)).toBe(revision + 1);
  });

  it('bad input: problem+json, nothing appended', async () => {
    const maintained = await maintainedCase();
    const unappealable = await http.revision(maintained.caseId);
    // A maintained plan, but no decision to cease and no refusal to re-assess: nothing to appeal against.
    for (const against of ['cessation', 'refusal_to_reassess'])
      expectProblem(
        await http.refused(maintained.at('/appeals'), { lodgedOn: '2025-10-01', against }),
        409,
        'APPEAL_DECISION_NOT_MADE',
      );
    expect(await http.revision(maintained.caseId)).toBe(unappealable);
    const { caseId, at } = await opened('2025-09-01');
    await http.send(at('/assessment-decision'), { decision: 'refuse', decidedOn: '2025-10-06' });
    // Refused to assess, never decided "not issue".
    expectProblem(
      await http.refused(at('/appeals'), { lodgedOn: '2025-11-01', against: 'not_issue' }),
      409,
      'APPEAL_DECISION_NOT_MADE',
    );
    const { appealId } = await http.send(at('/appeals'), {
      appealId: 'ap-1',
      lodgedOn: '2025-11-03',
      against: 'refusal_to_assess',
    });
    expect(appealId).toBe('ap-1');
    await http.send(at('/appeals/ap-1/outcome'), { outcome: 'withdrawn', decidedOn: '2026-01-12' });
    const revision = await http.revision(caseId);

    expectProblem(
      await http.refused(at('/appeals/ap-1/outcome'), { outcome: 'order', decidedOn: '2026-01-13' }),
      409,
      'APPEAL_OUTCOME_ALREADY_RECORDED',
    );
    expectProblem(
      await http.refused(at('/appeals/no-such-appeal/outcome'), {
        outcome: 'order',
        decidedOn: '2026-01-13',
      }),
      404,
      'APPEAL_NOT_FOUND',
    );
    expectProblem(
      await http.refused(at('/appeals'), {
        appealId: 'ap-1',
        lodgedOn: '2026-01-20',
        against: 'refusal_to_assess',
      }),
      409,
      'APPEAL_ALREADY_EXISTS',
    );
    expectProblem(
      await http.refused(at('/appeals'), { lodgedOn: '2026-01-20', against: 'everything' }),
      400,
      'VALIDATION_FAILED',
      'against',
    );
    expectProblem(
      await http.refused(at('/appeals/ap-1/outcome'), { outcome: 'won', decidedOn: '2026-01-13' }),
      400,
      'VALIDATION_FAILED',
      'outcome',
    );
    expectProblem(
      await http.refused(at('/appeals'), { lodgedOn: '2027-03-02', against: 'refusal_to_assess' }),
      400,
      'VALIDATION_FAILED',
      'lodgedOn',
    );
    expectProblem(
      await http.refused(at('/mediations'), { startedOn: '2027-03-02' }),
      400,
      'VALIDATION_FAILED',
      'startedOn',
    );
    expectProblem(
      await http.refused(at('/appeals'), { lodgedOn: '2026-01-20', against: 'refusal_to_assess', extra: 1 }),
      400,
      'VALIDATION_FAILED',
      'extra',
    );
    expectProblem(
      await http.refused(`/cases/${randomUUID()}/appeals/ap-1/outcome`, {
        outcome: 'order',
        decidedOn: '2026-01-13',
      }),
      404,
      'CASE_NOT_FOUND',
    );
    expect(await http.revision(caseId)).toBe(revision);
    // A withdrawn appeal opens nothing; the refusal stands.
    const screen = await http.screen(caseId);
    expect(screen.stage).toBe('refused_to_assess');
    expect(screen.deadlines.filter((d) => d.kind.startsWith('order_'))).toEqual([]);
  });
});

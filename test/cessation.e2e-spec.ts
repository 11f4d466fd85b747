import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { requestBody, startCommandApi, type CommandApi } from './support/command-api';
import { CaseHttp, expectProblem } from './support/case-http';
import { startInProcessProjector } from './support/in-process-projector';

const PLACEMENT = { institution: 'Riverside Primary School', type: 'mainstream' };

/**
 * DOMAIN.md (2nd ed.) "Cessation" over HTTP (api and projector on a real PostgreSQL): the decision to
 * cease (dated D) is appealable (CFA s45, reg 31); the plan is maintained and its deadlines stay open
 * until it ceases on D + 2 months + 1 day with no appeal, on the day an appeal against the cessation is
 * dismissed or withdrawn, and never when the Tribunal orders the plan to continue. From the decision
 * the stage is `ceasing`; evaluated on or after `ceasesOn` the plan has ceased and its deadlines are
 * cancelled. The api's clock stands at 2027-03-01; the case is read at `asOf` dates either side.
 */
describe('cessation as an appealable decision (CFA 2014 s45, SEND Regs 2014 reg 31; DOMAIN.md 2nd ed.)', () => {
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

  /** A case with its plan issued on 20 May 2025: its first annual_review is due 19 May 2026. */
  async function maintainedCase() {
    const caseId = randomUUID();
    const at = (path: string) => `/cases/${caseId}${path}`;
    await http.send('/cases', requestBody({ caseId, requestReceivedOn: '2025-01-06' }));
    await http.send(at('/assessment-decision'), { decision: 'assess', decidedOn: '2025-02-10' });
    await http.send(at('/plan-decision'), { decision: 'issue', decidedOn: '2025-04-01' });
    await http.send(at('/draft-plan'), { issuedOn: '2025-04-07' });
    await http.send(at('/representations'), { receivedOn: '2025-04-10' });
    await http.send(at('/final-plan'), { issuedOn: '2025-05-20', placement: PLACEMENT });
    return { caseId, at };
  }

  it('decided Sat 10 Jan 2026, no appeal: ceasing, ceases Wed 11 Mar 2026 (D + 2 months + 1 day); the annual review stays open until then and is cancelled from that day', async () => {
    const { caseId, at } = await maintainedCase();
    const open = await http.deadline(caseId, 'annual_review', '2026-01-05');
    expect(open).toMatchObject({ dueOn: '2026-05-19', status: 'on_track', cancelsOn: null });

    await http.send(at('/cessation-decision'), { decidedOn: '2026-01-10', reason: 'needs_met_without_plan' });
    const pending = await http.screen(caseId, '2026-03-10');
    expect(pending).toMatchObject({ stage: 'ceasing', ceasesOn: '2026-03-11' });
    expect(pending.deadlines.find((d) => d.id === 'annual_review')).toMatchObject({
      dueOn: '2026-05-19',
      metOn: null,
      status: 'on_track',
      daysRemaining: 70,
      cancelsOn: '2026-03-11',
    });

    const ceased = await http.screen(caseId, '2026-03-11');
    expect(ceased).toMatchObject({ stage: 'ceased', ceasesOn: '2026-03-11' });
    expect(ceased.deadlines.find((d) => d.id === 'annual_review')).toMatchObject({
      metOn: null,
      status: 'cancelled',
      daysRemaining: null,
    });
    expect((await http.screen(caseId)).stage).toBe('ceased');

    // The plan has ceased (today is 2027-03-01): a review is refused, nothing appended.
    const revision = await http.revision(caseId);
    expectProblem(await http.refused(at('/reviews'), { meetingHeldOn: '2026-04-01' }), 409, 'PLAN_CEASED');
    expect(await http.revision(caseId)).toBe(revision);
  });

  it('a cessation appeal lodged 2 Feb 2026 keeps the plan maintained; the Tribunal orders it to continue on 15 Apr: plan_maintained, the review goes on', async () => {
    const { caseId, at } = await maintainedCase();
    await http.send(at('/cessation-decision'), { decidedOn: '2026-01-10', reason: 'left_education' });
    const { appealId } = await http.send(at('/appeals'), { lodgedOn: '2026-02-02', against: 'cessation' });

    // Past D + 2 months + 1 day, but the appeal is open: the date it ceases is not known.
    const appealed = await http.screen(caseId, '2026-03-11');
    expect(appealed).toMatchObject({ stage: 'ceasing', ceasesOn: null });
    expect(appealed.appeals).toEqual([
      expect.objectContaining({ appealId, against: 'cessation', lodgedOn: '2026-02-02', outcome: null }),
    ]);
    expect(appealed.deadlines.find((d) => d.id === 'annual_review')).toMatchObject({
      status: 'on_track',
      daysRemaining: 69,
      cancelsOn: null,
    });
    expectProblem(
      await http.refused(at('/cessation-decision'), { decidedOn: '2026-02-10', reason: 'other' }),
      409,
      'CESSATION_ALREADY_DECIDED',
    );

    await http.send(at(`/appeals/${appealId}/outcome`), { outcome: 'order', decidedOn: '2026-04-15' });
    const continued = await http.screen(caseId, '2026-05-01');
    expect(continued).toMatchObject({ stage: 'plan_maintained', ceasesOn: null });
    expect(continued.deadlines.find((d) => d.id === 'annual_review')).toMatchObject({
      status: 'on_track',
      daysRemaining: 18,
      cancelsOn: null,
    });
    // An order to continue opens no order_* deadline: the plan simply stays.
    expect(continued.deadlines.filter((d) => d.kind.startsWith('order_'))).toEqual([]);

    const { reviewId } = await http.send(at('/reviews'), { meetingHeldOn: '2026-05-05' });
    await http.send(at(`/reviews/${reviewId}/decision`), { decision: 'maintain', decidedOn: '2026-05-12' });
    const reviewed = await http.screen(caseId);
    expect(reviewed.stage).toBe('plan_maintained');
    expect(reviewed.deadlines.find((d) => d.id === 'annual_review')).toMatchObject({
      metOn: '2026-05-12',
      status: 'met',
    });
    expect(reviewed.deadlines.find((d) => d.id === `annual_review-${reviewId}`)).toMatchObject({
      startsOn: '2026-05-12',
      dueOn: '2027-05-11',
      status: 'on_track',
      daysRemaining: 71,
    });
  });

  it('a cessation appeal dismissed on 15 Apr 2026: the plan ceases that day (ceasing on 14 Apr, ceased on 15 Apr)', async () => {
    const { caseId, at } = await maintainedCase();
    await http.send(at('/cessation-decision'), {
      decidedOn: '2026-01-10',
      reason: 'moved_to_another_authority',
    });
    const { appealId } = await http.send(at('/appeals'), { lodgedOn: '2026-02-02', against: 'cessation' });
    await http.send(at(`/appeals/${appealId}/outcome`), { outcome: 'dismissed', decidedOn: '2026-04-15' });

    const before = await http.screen(caseId, '2026-04-14');
    expect(before).toMatchObject({ stage: 'ceasing', ceasesOn: '2026-04-15' });
    expect(before.deadlines.find((d) => d.id === 'annual_review')).toMatchObject({
      status: 'on_track',
      daysRemaining: 35,
      cancelsOn: '2026-04-15',
    });
    const after = await http.screen(caseId, '2026-04-15');
    expect(after).toMatchObject({ stage: 'ceased', ceasesOn: '2026-04-15' });
    expect(after.deadlines.find((d) => d.id === 'annual_review')).toMatchObject({ status: 'cancelled' });
  });

  it('bad input and decisions out of turn: problem+json, nothing appended', async () => {
    const { caseId, at } = await maintainedCase();
    const revision = await http.revision(caseId);
    expectProblem(
      await http.refused(at('/cessation-decision'), { decidedOn: '2026-01-10', reason: 'bored' }),
      400,
      'VALIDATION_FAILED',
      'reason',
    );
    expectProblem(
      await http.refused(at('/cessation-decision'), { decidedOn: '2027-03-02', reason: 'died' }),
      400,
      'VALIDATION_FAILED',
      'decidedOn',
    );
    expectProblem(
      await http.refused(at('/cessation-decision'), { decidedOn: '2025-05-01', reason: 'died' }),
      409,
      'DATE_BEFORE_LAST_FACT',
    );
    expect(await http.revision(caseId)).toBe(revision);

    const requested = randomUUID();
    await http.send('/cases', requestBody({ caseId: requested }));
    expectProblem(
      await http.refused(`/cases/${requested}/cessation-decision`, {
        decidedOn: '2025-02-01',
        reason: 'other',
      }),
      409,
      'CESSATION_BEFORE_FINAL_PLAN',
    );
    expect(await http.revision(requested)).toBe(0);
  });
});

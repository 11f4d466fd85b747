import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { requestBody, startCommandApi, type Caller, type CommandApi } from './support/command-api';
import { startInProcessProjector } from './support/in-process-projector';

interface DeadlineView {
  id: string;
  kind: string;
  startsOn: string;
  dueOn: string;
  metOn: string | null;
  status: string;
  exceptionApplies: boolean;
}

const PLACEMENT = { institution: 'Riverside Academy', type: 'mainstream' };

/**
 * DOMAIN.md second edition, changes 1, 2, 3 and 10, at their edges: each case is recorded over HTTP
 * as a caseworker would, the projector follows the log in the same process, and the answer is read
 * back from the read models (GET /cases/{caseId}, GET /timeliness/sen2) with minPosition. The api's
 * clock stands at 2027-03-01.
 */
describe('statutory edges (DOMAIN.md 2nd ed.)', () => {
  let api: CommandApi;
  let projector: INestApplication;
  let caseworker: Caller;
  let manager: Caller;
  let position = '';

  beforeAll(async () => {
    api = await startCommandApi();
    projector = await startInProcessProjector(api.config);
    caseworker = await api.as('cw-north', ['caseworker']);
    manager = await api.as('manager-north', ['manager']);
  }, 60_000);

  afterAll(async () => {
    await projector?.close();
    await api?.close();
  });

  /** One command over HTTP, failing loudly if refused; returns its body and remembers its position. */
  async function command(path: string, body: unknown): Promise<Record<string, unknown>> {
    const response = await caseworker.post(path, body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${response.text}`);
    position = response.body.position as string;
    return response.body as Record<string, unknown>;
  }

  /** A new case received on `requestOn`, then the steps; returns its id and the last step's body. */
  async function record(requestOn: string, steps: [string, unknown][]) {
    const caseId = randomUUID();
    let last = await command('/cases', requestBody({ caseId, requestReceivedOn: requestOn }));
    for (const [path, body] of steps) last = await command(`/cases/${caseId}${path}`, body);
    return { caseId, last };
  }

  async function deadlinesOf(caseId: string): Promise<DeadlineView[]> {
    const { body } = await caseworker.get(`/cases/${caseId}?minPosition=${position}`).expect(200);
    return body.deadlines as DeadlineView[];
  }

  const deadline = async (caseId: string, id: string) => {
    const found = (await deadlinesOf(caseId)).find((d) => d.id === id);
    if (!found) throw new Error(`no deadline ${id}`);
    return found;
  };

  it('an exception that starts after the 20 weeks never applies: the plan counts in the SEN2 "_ex" figures, late (change 1)', async () => {
    // Request Mon 1 Sep 2025: 20 weeks end Mon 19 Jan 2026; circumstances 1 .. 10 Feb; plan 2 Mar.
    const { caseId } = await record('2025-09-01', [
      ['/assessment-decision', { decision: 'assess', decidedOn: '2025-10-06' }],
      ['/plan-decision', { decision: 'issue', decidedOn: '2025-12-15' }],
      ['/draft-plan', { issuedOn: '2025-12-22' }],
      ['/representations', { receivedOn: '2026-01-02' }],
      [
        '/exceptions',
        {
          reason: 'exceptional_personal_circumstances',
          startedOn: '2026-02-01',
          endedOn: '2026-02-10',
        },
      ],
      ['/final-plan', { issuedOn: '2026-03-02', placement: PLACEMENT }],
    ]);
    expect(await deadline(caseId, 'final_plan')).toMatchObject({
      dueOn: '2026-01-19',
      metOn: '2026-03-02',
      status: 'met_late',
      exceptionApplies: false,
    });
    const { body } = await manager
      .get(`/timeliness/sen2?from=2026-03-01&to=2026-03-31&minPosition=${position}`)
      .expect(200);
    expect(body).toMatchObject({
      plans_issued_den: 1,
      plans_issued_within_20_weeks: 0,
      plans_issued_den_ex: 1,
      plans_issued_20_weeks_ex: 0,
      pc_plans_issued_20_weeks_ex: 0,
      avg_weeks_issue_plan_exc: 26, // 182 days
    });
  });

  it('a decision to issue in week 17 cancels plan_decision; it is not met late (change 2, reg 10(1))', async () => {
    // Request 1 Sep 2025: plan_decision due 22 Dec 2025; the decision to issue on 30 Dec.
    const { caseId } = await record('2025-09-01', [
      ['/assessment-decision', { decision: 'assess', decidedOn: '2025-10-06' }],
      ['/plan-decision', { decision: 'issue', decidedOn: '2025-12-30' }],
    ]);
    expect(await deadline(caseId, 'plan_decision')).toMatchObject({
      dueOn: '2025-12-22',
      metOn: null,
      status: 'cancelled',
    });
    const late = await manager
      .get(`/deadlines?status=met_late&kind=plan_decision&minPosition=${position}`)
      .expect(200);
    expect(late.body.items.map((item: { caseId: string }) => item.caseId)).not.toContain(caseId);
    // The 20-week clock governs that path: final_plan is still open.
    expect(await deadline(caseId, 'final_plan')).toMatchObject({ metOn: null, status: 'overdue' });
  });

  it('the review decision completes the annual review, late, and starts the next 12 months (change 3, CFA s44(1))', async () => {
    // Plan issued 10 Jan 2025: the first review is due by 9 Jan 2026.
    const { caseId, last } = await record('2024-08-01', [
      ['/assessment-decision', { decision: 'assess', decidedOn: '2024-09-01' }],
      ['/plan-decision', { decision: 'issue', decidedOn: '2024-11-01' }],
      ['/draft-plan', { issuedOn: '2024-11-04' }],
      ['/representations', { receivedOn: '2024-11-10' }],
      ['/final-plan', { issuedOn: '2025-01-10', placement: PLACEMENT }],
      ['/reviews', { meetingHeldOn: '2025-12-20' }],
    ]);
    // The meeting alone completes nothing: the first period is still open.
    expect(await deadline(caseId, 'annual_review')).toMatchObject({ dueOn: '2026-01-09', metOn: null });
    const reviewId = last.reviewId as string;
    await command(`/cases/${caseId}/reviews/${reviewId}/decision`, {
      decision: 'maintain',
      decidedOn: '2026-01-15',
    });
    const reviews = (await deadlinesOf(caseId)).filter((d) => d.kind === 'annual_review');
    expect(reviews).toEqual([
      expect.objectContaining({
        id: 'annual_review',
        startsOn: '2025-01-10',
        dueOn: '2026-01-09',
        metOn: '2026-01-15',
        status: 'met_late',
      }),
      expect.objectContaining({
        id: `annual_review-${reviewId}`,
        startsOn: '2026-01-15',
        dueOn: '2027-01-14',
        metOn: null,
      }),
    ]);
  });

  it('the 12 months starting with 29 February end on 28 February (change 10)', async () => {
    const { caseId } = await record('2023-11-01', [
      ['/assessment-decision', { decision: 'assess', decidedOn: '2023-12-01' }],
      ['/plan-decision', { decision: 'issue', decidedOn: '2024-02-01' }],
      ['/draft-plan', { issuedOn: '2024-02-02' }],
      ['/representations', { receivedOn: '2024-02-05' }],
      ['/final-plan', { issuedOn: '2024-02-29', placement: PLACEMENT }],
    ]);
    expect(await deadline(caseId, 'annual_review')).toMatchObject({
      startsOn: '2024-02-29',
      dueOn: '2025-02-28',
    });
  });
});

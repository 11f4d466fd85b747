import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { requestBody, startCommandApi, type CommandApi } from './support/command-api';
import { CaseHttp, expectProblem } from './support/case-http';
import { startInProcessProjector } from './support/in-process-projector';

const PLACEMENT = { institution: 'Riverside Primary School', type: 'mainstream' };
const CHILD = { firstName: 'Amelia', lastName: 'Khan', dateOfBirth: '2016-04-12' };

/** A valid POST /cases/transfers-in body (API.md, 2nd ed.). */
function transferBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    caseId: randomUUID(),
    team: 'north',
    transferredOn: '2026-03-02',
    fromAuthority: 'Oxfordshire County Council',
    planMadeOn: '2024-06-14',
    lastReviewedOn: '2025-04-03',
    placement: PLACEMENT,
    child: CHILD,
    ...overrides,
  };
}

/**
 * DOMAIN.md (2nd ed.) "Transfer in" over HTTP (api and projector on a real PostgreSQL), from the
 * transfer to the first review decision: `transfer_notice` T + 42 (SEND Regs 2014 reg 15(4)), the
 * first `annual_review` by the later-of rule of reg 15(5), and never a new plan in SEN2. The api's
 * clock stands at 2027-03-01; each deadline is read at two `asOf` dates.
 */
describe('transfer in (SEND Regs 2014 reg 15; DOMAIN.md 2nd ed.)', () => {
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

  it('last reviewed 11 months before the transfer on Mon 2 Mar 2026: notice due 13 Apr, first review due 1 Jun 2026 (T + 3 months, reg 15(5)); met by the review decision', async () => {
    const caseId = randomUUID();
    const opened = await http.send('/cases/transfers-in', transferBody({ caseId, reference: 'EHC-T-1' }));
    expect(opened).toMatchObject({ caseId, revision: 0 });

    const screen = await http.screen(caseId, '2026-03-20');
    expect(screen).toMatchObject({
      caseId,
      stage: 'plan_maintained',
      requestReceivedOn: null,
      ceasesOn: null,
      transferredIn: {
        fromAuthority: 'Oxfordshire County Council',
        transferredOn: '2026-03-02',
        planMadeOn: '2024-06-14',
        lastReviewedOn: '2025-04-03',
      },
    });
    // Not a request: no initial-assessment clock runs on a plan transferred in.
    expect(screen.deadlines.map((d) => d.id).sort()).toEqual(['annual_review', 'transfer_notice']);
    expect(screen.deadlines.find((d) => d.id === 'transfer_notice')).toEqual({
      id: 'transfer_notice',
      kind: 'transfer_notice',
      title: expect.any(String),
      ref: null,
      startsOn: '2026-03-02',
      dueOn: '2026-04-13',
      metOn: null,
      status: 'on_track',
      daysRemaining: 24,
      exceptionApplies: false,
      cancelsOn: null,
      rule: expect.stringContaining('reg 15(4)'),
    });
    // The later of L + 12 months (3 Apr 2026) and T + 3 months (2 Jun 2026), less one day.
    expect(screen.deadlines.find((d) => d.id === 'annual_review')).toMatchObject({
      kind: 'annual_review',
      startsOn: '2026-03-02',
      dueOn: '2026-06-01',
      metOn: null,
      status: 'on_track',
      daysRemaining: 73,
    });

    await http.send(`/cases/${caseId}/transfer-notice`, {
      issuedOn: '2026-04-01',
      proposesAssessment: false,
    });
    expect(await http.deadline(caseId, 'transfer_notice', '2026-05-25')).toMatchObject({
      metOn: '2026-04-01',
      status: 'met',
      daysRemaining: null,
    });
    expect(await http.deadline(caseId, 'annual_review', '2026-05-25')).toMatchObject({
      status: 'due_soon',
      daysRemaining: 7,
    });

    const { reviewId } = await http.send(`/cases/${caseId}/reviews`, { meetingHeldOn: '2026-05-11' });
    await http.send(`/cases/${caseId}/reviews/${reviewId}/decision`, {
      decision: 'maintain',
      decidedOn: '2026-05-20',
    });
    expect(await http.deadline(caseId, 'annual_review')).toMatchObject({
      dueOn: '2026-06-01',
      metOn: '2026-05-20',
      status: 'met',
    });
    expect(await http.deadline(caseId, `review_decision-${reviewId}`)).toMatchObject({
      startsOn: '2026-05-11',
      dueOn: '2026-06-08',
      metOn: '2026-05-20',
      status: 'met',
    });
    // After that, as for any plan (CFA s44(1)): the next 12 months start with the review decision.
    const next = `annual_review-${reviewId}`;
    expect(await http.deadline(caseId, next, '2026-06-01')).toMatchObject({
      startsOn: '2026-05-20',
      dueOn: '2027-05-19',
      metOn: null,
      status: 'on_track',
      daysRemaining: 352,
    });
    expect(await http.deadline(caseId, next)).toMatchObject({ status: 'on_track', daysRemaining: 79 });
  });

  it('never reviewed, made 6 Jan 2025, transferred 1 Dec 2025: review due 28 Feb 2026 (later of 6 Jan 2026 and 1 Mar 2026, less a day); notice overdue', async () => {
    const caseId = randomUUID();
    await http.send(
      '/cases/transfers-in',
      transferBody({ caseId, transferredOn: '2025-12-01', planMadeOn: '2025-01-06', lastReviewedOn: null }),
    );
    expect(await http.deadline(caseId, 'transfer_notice', '2025-12-31')).toMatchObject({
      dueOn: '2026-01-12',
      status: 'due_soon',
      daysRemaining: 12,
    });
    expect(await http.deadline(caseId, 'transfer_notice', '2026-01-13')).toMatchObject({
      status: 'overdue',
      daysRemaining: -1,
    });
    expect(await http.deadline(caseId, 'annual_review', '2025-12-31')).toMatchObject({
      startsOn: '2025-12-01',
      dueOn: '2026-02-28',
      status: 'on_track',
      daysRemaining: 59,
    });
    expect(await http.deadline(caseId, 'annual_review', '2026-03-02')).toMatchObject({
      status: 'overdue',
      daysRemaining: -2,
    });
    // A notice after T + 42 meets it late.
    await http.send(`/cases/${caseId}/transfer-notice`, { issuedOn: '2026-01-20', proposesAssessment: true });
    expect(await http.deadline(caseId, 'transfer_notice')).toMatchObject({
      metOn: '2026-01-20',
      status: 'met_late',
    });
  });

  it('a transferred-in plan never counts in SEN2, whatever the period (DOMAIN.md "Which plans count")', async () => {
    const sen2 = await http.sen2('from=2024-01-01&to=2027-03-01');
    expect(sen2).toMatchObject({ plans_issued_den: 0, plans_issued_den_ex: 0, plans_excluded_appeal: 0 });
  });

  it('refusals, as problem+json, appending nothing', async () => {
    const caseId = randomUUID();
    // The plan was made after the transfer: 400 naming planMadeOn (reg 15 transfers a plan already made).
    expectProblem(
      await http.refused(
        '/cases/transfers-in',
        transferBody({ caseId, planMadeOn: '2026-03-03', lastReviewedOn: null }),
      ),
      400,
      'TRANSFER_DATES_INVALID',
      'planMadeOn',
    );
    expectProblem(
      await http.refused('/cases/transfers-in', transferBody({ caseId, lastReviewedOn: '2024-01-01' })),
      400,
      'TRANSFER_DATES_INVALID',
      'lastReviewedOn',
    );
    expectProblem(
      await http.refused('/cases/transfers-in', transferBody({ caseId, transferredOn: '2027-03-02' })),
      400,
      'VALIDATION_FAILED',
      'transferredOn',
    );
    expectProblem(
      await http.refused(
        '/cases/transfers-in',
        transferBody({ caseId, placement: { institution: 'Riverside' } }),
      ),
      400,
      'VALIDATION_FAILED',
      'placement.type',
    );
    expect(await http.revision(caseId)).toBe(-1);

    // The notice belongs to a plan transferred in, and is served once.
    const requested = randomUUID();
    await http.send('/cases', requestBody({ caseId: requested }));
    expectProblem(
      await http.refused(`/cases/${requested}/transfer-notice`, {
        issuedOn: '2025-02-01',
        proposesAssessment: false,
      }),
      409,
      'NOT_TRANSFERRED_IN',
    );
    expect(await http.revision(requested)).toBe(0);
    await http.send('/cases/transfers-in', transferBody({ caseId }));
    await http.send(`/cases/${caseId}/transfer-notice`, {
      issuedOn: '2026-03-10',
      proposesAssessment: false,
    });
    expectProblem(
      await http.refused(`/cases/${caseId}/transfer-notice`, {
        issuedOn: '2026-03-11',
        proposesAssessment: true,
      }),
      409,
      'TRANSFER_NOTICE_ALREADY_ISSUED',
    );
    expectProblem(
      await http.refused('/cases/transfers-in', transferBody({ caseId })),
      409,
      'CASE_ALREADY_EXISTS',
    );
    expect(await http.revision(caseId)).toBe(1);
  });
});

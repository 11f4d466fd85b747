import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Clock, ManualClock } from '@ehcp/config';
import { requestBody, startCommandApi, TODAY, type Caller, type CommandApi } from './support/command-api';
import { startInProcessProjector } from './support/in-process-projector';

interface DeadlineView {
  id: string;
  kind: string;
  ref: string | null;
  startsOn: string;
  dueOn: string;
  metOn: string | null;
  status: string;
  daysRemaining: number | null;
  rule: string;
}

/**
 * DOMAIN.md second edition, changes 4 and 5, over HTTP (api and projector on a real PostgreSQL):
 * the `amendment_notice` deadline after a review decided "amend" (reg 22(2)), and phase transfers
 * met by an amended plan or a "maintain" decision in any order of entry, recorded after their date
 * too, and between post-16 institutions (reg 18). The api's clock stands at TODAY (2027-03-01).
 */
describe('amendment notices and phase transfers (DOMAIN.md 2nd ed., changes 4 and 5)', () => {
  let api: CommandApi;
  let projector: INestApplication;
  let caseworker: Caller;
  let position = '';

  beforeAll(async () => {
    api = await startCommandApi();
    projector = await startInProcessProjector(api.config);
    caseworker = await api.as('cw-north', ['caseworker']);
  }, 90_000);

  afterAll(async () => {
    await projector?.close();
    await api?.close();
  });

  /** A command that must be accepted; returns its body (ids, position). */
  async function send(caseId: string, path: string, body: unknown): Promise<Record<string, string>> {
    const response = await caseworker.post(`/cases/${caseId}${path}`, body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${response.text}`);
    position = response.body.position as string;
    return response.body as Record<string, string>;
  }

  /** A case with a final plan issued on 20 May 2025. */
  async function maintainedCase(): Promise<string> {
    const caseId = randomUUID();
    const created = await caseworker.post('/cases', requestBody({ caseId, requestReceivedOn: '2025-01-06' }));
    expect(created.status).toBe(201);
    await send(caseId, '/assessment-decision', { decision: 'assess', decidedOn: '2025-02-10' });
    await send(caseId, '/plan-decision', { decision: 'issue', decidedOn: '2025-04-01' });
    await send(caseId, '/draft-plan', { issuedOn: '2025-04-07' });
    await send(caseId, '/representations', { receivedOn: '2025-04-10' });
    await send(caseId, '/final-plan', {
      issuedOn: '2025-05-20',
      placement: { institution: 'Riverside Primary School', type: 'mainstream' },
    });
    return caseId;
  }

  async function review(caseId: string, meetingHeldOn: string, decision: string, decidedOn: string) {
    const { reviewId } = await send(caseId, '/reviews', { meetingHeldOn });
    await send(caseId, `/reviews/${reviewId}/decision`, { decision, decidedOn });
    return reviewId;
  }

  /** GET /cases/{caseId}'s deadlines once the projector has caught up, as of `asOf` (default today). */
  async function deadlinesOf(caseId: string, asOf?: string): Promise<DeadlineView[]> {
    const query = `minPosition=${position}${asOf ? `&asOf=${asOf}` : ''}`;
    const { body } = await caseworker.get(`/cases/${caseId}?${query}`).expect(200);
    return body.deadlines as DeadlineView[];
  }

  async function deadline(caseId: string, id: string, asOf?: string): Promise<DeadlineView> {
    const found = (await deadlinesOf(caseId, asOf)).find((d) => d.id === id);
    if (!found) throw new Error(`case ${caseId} has no deadline ${id}`);
    return found;
  }

  describe('change 4: amendment_notice after a review decided "amend" (reg 22(2); Devon [2022])', () => {
    it('"amend" decided 2025-11-20 after a meeting on 2025-11-03, no notice: amendment_notice due 2025-12-01, overdue', async () => {
      const caseId = await maintainedCase();
      const reviewId = await review(caseId, '2025-11-03', 'amend', '2025-11-20');
      const id = `amendment_notice-${reviewId}`;
      expect(await deadline(caseId, id)).toEqual({
        id,
        kind: 'amendment_notice',
        title: 'Send the proposed changes after the review',
        ref: reviewId,
        startsOn: '2025-11-03',
        dueOn: '2025-12-01',
        metOn: null,
        cancelsOn: null,
        status: 'overdue',
        daysRemaining: -455,
        exceptionApplies: false,
        rule: expect.stringContaining('reg 22(2)'),
      });
      expect(await deadline(caseId, id, '2025-11-21')).toMatchObject({
        status: 'due_soon',
        daysRemaining: 10,
      });
    });

    it('the notice that follows it (reviewId defaulted) meets it and opens amended_plan; the history stores the link', async () => {
      const caseId = await maintainedCase();
      const reviewId = await review(caseId, '2025-11-03', 'amend', '2025-11-20');
      const { noticeId } = await send(caseId, '/amendment-notices', { issuedOn: '2025-11-21' });
      expect(await deadline(caseId, `amendment_notice-${reviewId}`)).toMatchObject({
        metOn: '2025-11-21',
        status: 'met',
      });
      expect(await deadline(caseId, `amended_plan-${noticeId}`)).toMatchObject({
        startsOn: '2025-11-21',
        dueOn: '2026-01-16',
        metOn: null,
      });
      const { body: events } = await caseworker.get(`/cases/${caseId}/events`).expect(200);
      expect(events.at(-1)).toMatchObject({
        type: 'AmendmentNoticeIssued',
        data: { noticeId, issuedOn: '2025-11-21', reviewId },
      });
      // reg 22(4): a decision not to amend after all still meets amended_plan.
      await send(caseId, `/amendment-notices/${noticeId}/no-amendment`, { decidedOn: '2025-12-10' });
      expect(await deadline(caseId, `amended_plan-${noticeId}`)).toMatchObject({
        metOn: '2025-12-10',
        status: 'met',
      });
    });

    it('a notice naming its review, served after M + 28, meets it late; a notice without such a review opens only amended_plan', async () => {
      const caseId = await maintainedCase();
      const { noticeId: alone } = await send(caseId, '/amendment-notices', { issuedOn: '2025-09-01' });
      expect((await deadlinesOf(caseId)).filter((d) => d.kind === 'amendment_notice')).toEqual([]);
      expect(await deadline(caseId, `amended_plan-${alone}`)).toMatchObject({ startsOn: '2025-09-01' });
      const first = await review(caseId, '2025-11-03', 'amend', '2025-11-20');
      const second = await review(caseId, '2025-11-24', 'amend', '2025-11-25');
      await send(caseId, '/amendment-notices', { issuedOn: '2025-12-05', reviewId: first });
      expect(await deadline(caseId, `amendment_notice-${first}`)).toMatchObject({
        metOn: '2025-12-05',
        status: 'met_late',
      });
      expect(await deadline(caseId, `amendment_notice-${second}`)).toMatchObject({
        dueOn: '2025-12-22',
        metOn: null,
      });
    });

    it('refuses a notice naming a review that was not decided "amend", or that has its notice', async () => {
      const caseId = await maintainedCase();
      const maintained = await review(caseId, '2025-11-03', 'maintain', '2025-11-20');
      const refused = await caseworker
        .post(`/cases/${caseId}/amendment-notices`, { issuedOn: '2025-11-21', reviewId: maintained })
        .expect(409);
      expect(refused.body).toMatchObject({ code: 'REVIEW_NOT_DECIDED_AMEND' });
      const amend = await review(caseId, '2025-11-24', 'amend', '2025-11-25');
      await send(caseId, '/amendment-notices', { issuedOn: '2025-11-26', reviewId: amend });
      const twice = await caseworker
        .post(`/cases/${caseId}/amendment-notices`, { issuedOn: '2025-11-27', reviewId: amend })
        .expect(409);
      expect(twice.body).toMatchObject({ code: 'REVIEW_NOTICE_ALREADY_SERVED' });
      const unknown = await caseworker
        .post(`/cases/${caseId}/amendment-notices`, { issuedOn: '2025-11-27', reviewId: 'rev-9' })
        .expect(404);
      expect(unknown.body).toMatchObject({ code: 'REVIEW_NOT_FOUND' });
    });
  });

  describe('change 5: phase transfers (reg 18)', () => {
    const clock = () => api.app.get(Clock) as ManualClock;

    afterEach(() => clock().set(`${TODAY}T12:00:00Z`));

    it('an amended plan issued 2025-11-20 meets the 2026 school-phase transfer recorded after it, on 2025-12-01', async () => {
      const caseId = await maintainedCase();
      const { noticeId } = await send(caseId, '/amendment-notices', { issuedOn: '2025-10-20' });
      await send(caseId, `/amendment-notices/${noticeId}/representations`, { receivedOn: '2025-10-25' });
      await send(caseId, '/amended-plan', {
        noticeId,
        issuedOn: '2025-11-20',
        placement: { institution: 'Hill Secondary School', type: 'mainstream' },
      });
      clock().set('2025-12-01T12:00:00Z');
      const { transferId } = await send(caseId, '/phase-transfers', {
        kind: 'school_phase',
        transferYear: 2026,
      });
      const { body: events } = await caseworker.get(`/cases/${caseId}/events`).expect(200);
      expect(events.at(-1)).toMatchObject({
        type: 'PhaseTransferPlanned',
        data: { plannedOn: '2025-12-01' },
      });
      expect(await deadline(caseId, `phase_transfer-${transferId}`)).toMatchObject({
        kind: 'phase_transfer',
        ref: transferId,
        startsOn: '2025-09-01',
        dueOn: '2026-02-14',
        metOn: '2025-11-20',
        status: 'met',
      });
    });

    it('a transfer whose 15 February has passed is recorded (backfilling from paper files): overdue, then met late', async () => {
      const caseId = await maintainedCase();
      const { transferId } = await send(caseId, '/phase-transfers', {
        kind: 'school_phase',
        transferYear: 2026,
      });
      const { transferId: next } = await send(caseId, '/phase-transfers', {
        kind: 'school_phase',
        transferYear: 2027,
      });
      expect(await deadline(caseId, `phase_transfer-${transferId}`)).toMatchObject({
        startsOn: '2025-09-01',
        dueOn: '2026-02-14',
        metOn: null,
        status: 'overdue',
      });
      expect(await deadline(caseId, `phase_transfer-${next}`)).toMatchObject({
        dueOn: '2027-02-14',
        status: 'overdue',
      });
      // A review decided "maintain" on 1 Mar 2026, entered now: the 2026 transfer was met late.
      await review(caseId, '2026-02-20', 'maintain', '2026-03-01');
      expect(await deadline(caseId, `phase_transfer-${transferId}`)).toMatchObject({
        metOn: '2026-03-01',
        status: 'met_late',
      });
      // Before 1 Sep 2026 it counts nothing for the 2027 transfer.
      expect(await deadline(caseId, `phase_transfer-${next}`)).toMatchObject({
        metOn: null,
        status: 'overdue',
      });
    });

    it('post16_institution with transferOn: post16_transfer due T - 5 months, met by a "maintain" decision from T - 12 months', async () => {
      const caseId = await maintainedCase();
      const { transferId: past } = await send(caseId, '/phase-transfers', {
        kind: 'post16_institution',
        transferOn: '2027-07-31',
      });
      const { transferId: future } = await send(caseId, '/phase-transfers', {
        kind: 'post16_institution',
        transferOn: '2028-07-31',
      });
      expect(await deadline(caseId, `post16_transfer-${past}`)).toMatchObject({
        kind: 'post16_transfer',
        startsOn: '2026-07-31',
        dueOn: '2027-02-28',
        metOn: null,
        status: 'overdue',
        rule: expect.stringContaining('reg 18(2)'),
      });
      expect(await deadline(caseId, `post16_transfer-${future}`)).toMatchObject({
        startsOn: TODAY,
        dueOn: '2028-02-29',
        status: 'on_track',
      });
      await review(caseId, '2026-09-01', 'maintain', '2026-09-10');
      expect(await deadline(caseId, `post16_transfer-${past}`)).toMatchObject({
        metOn: '2026-09-10',
        status: 'met',
      });
      expect(await deadline(caseId, `post16_transfer-${future}`)).toMatchObject({ metOn: null });
    });

    it('transferOn goes with post16_institution only, transferYear with the other kinds (400 naming the field)', async () => {
      const caseId = await maintainedCase();
      const fields = async (body: unknown) => {
        const { body: problem } = await caseworker.post(`/cases/${caseId}/phase-transfers`, body).expect(400);
        return (problem.errors as { field: string }[]).map((error) => error.field).sort();
      };
      expect(await fields({ kind: 'post16_institution' })).toEqual(['transferOn']);
      expect(
        await fields({ kind: 'post16_institution', transferOn: '2027-07-31', transferYear: 2027 }),
      ).toEqual(['transferYear']);
      expect(await fields({ kind: 'school_phase', transferYear: 2028, transferOn: '2027-07-31' })).toEqual([
        'transferOn',
      ]);
      expect(await fields({ kind: 'post16_institution', transferOn: '2027-02-30' })).toEqual(['transferOn']);
    });
  });

  it('OpenAPI describes reviewId, transferOn, kind post16_institution and the new deadline kinds', async () => {
    const { body } = await api.anonymous().get('/docs-json').expect(200);
    const schemas = body.components.schemas as Record<
      string,
      { properties?: Record<string, unknown>; enum?: string[] }
    >;
    expect(schemas.IssueAmendmentNoticeDto.properties?.reviewId).toMatchObject({ type: 'string' });
    expect(schemas.PlanPhaseTransferDto.properties?.transferOn).toMatchObject({
      type: 'string',
      format: 'date',
    });
    expect(schemas.PhaseTransferKind.enum).toEqual(['school_phase', 'post16', 'post16_institution']);
    expect(schemas.DeadlineKind.enum).toEqual(
      expect.arrayContaining(['amendment_notice', 'post16_transfer']),
    );
  });
});

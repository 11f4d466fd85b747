import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { signDevToken, type Role } from '@ehcp/auth';
import { deadlineRowId } from '@ehcp/read-models';
import { offlineOpenApiDocument } from '../apps/api/src/openapi/offline-document';
import { GOOD_SECTIONS, requestBody, startCommandApi, TODAY, type CommandApi } from './support/command-api';
import { startPrismProxy, type PrismProxy } from './support/prism-proxy';
import { startInProcessProjector } from './support/in-process-projector';

type Method = 'get' | 'post' | 'put' | 'delete';
type Body = Record<string, unknown>;

/**
 * The api as a client meets it, checked by a tool no one here wrote: every request of a whole case
 * lifecycle (each command route, the queries, the case screen, notifications, erasure) goes through
 * Stoplight Prism's validating proxy, which holds each request and response to the OpenAPI document
 * the api serves at /docs-json. A violation shows as an `sl-violations` header (and, with --errors,
 * as Prism's own 4xx or 500 in place of the api's answer): none may appear.
 */
describe('the api through Prism, against its own OpenAPI document', () => {
  let api: CommandApi;
  let projector: INestApplication;
  let prism: PrismProxy;
  let folder: string;
  let served: unknown;
  const tokens: Partial<Record<'caseworker' | 'qa' | 'admin', string>> = {};
  const exchanges: string[] = [];
  let position = '';
  const [caseA, caseB, caseC, caseD] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const [caseE, caseF] = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    api = await startCommandApi();
    projector = await startInProcessProjector(api.config);
    served = (await api.anonymous().get('/docs-json').expect(200)).body;
    folder = await mkdtemp(join(tmpdir(), 'ehcp-openapi-'));
    const document = join(folder, 'openapi.json');
    await writeFile(document, JSON.stringify(served));
    prism = await startPrismProxy(document, api.baseUrl);
    const token = (sub: string, roles: Role[], teams = ['north']) =>
      signDevToken({ sub, roles, teams }, api.config.AUTH_JWT_SECRET ?? '');
    tokens.caseworker = await token('cw-north', ['caseworker']);
    tokens.qa = await token('qa-north', ['qa_officer']);
    tokens.admin = await token('admin-1', ['admin'], []);
  }, 120_000);

  afterAll(async () => {
    await prism?.stop();
    await projector?.close();
    await api?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  /** One request through Prism; it must come back with the expected status and no violation. */
  async function exchange(
    method: Method,
    path: string,
    status: number,
    options: { as?: keyof typeof tokens; body?: Body; headers?: Record<string, string> } = {},
  ): Promise<request.Response> {
    const client = request(prism.url);
    let test = client[method](path).set(options.headers ?? {});
    if (options.as) test = test.set('authorization', `Bearer ${tokens[options.as]}`);
    const response = await (options.body === undefined ? test : test.send(options.body));
    const violations = response.headers['sl-violations'] as string | undefined;
    exchanges.push(`${method.toUpperCase()} ${path} -> ${response.status}`);
    if (violations !== undefined || response.status !== status)
      throw new Error(
        `${method.toUpperCase()} ${path}: ${response.status} (expected ${status})\n` +
          `sl-violations: ${violations ?? 'none'}\n${response.text}`,
      );
    return response;
  }

  /** A command by the caseworker (or `as`): its status, and its position for the queries that follow. */
  async function command(
    path: string,
    body: Body | undefined,
    status = 200,
    as: keyof typeof tokens = 'caseworker',
  ) {
    const response = await exchange(body === undefined ? 'delete' : 'post', path, status, { as, body });
    position = response.body.position as string;
    expect(response.headers.etag).toBe(`"${response.body.revision}"`);
    return response.body as Body;
  }

  const get = (path: string, status = 200) => exchange('get', path, status, { as: 'caseworker' });
  const at = (caseId: string, suffix = '') => `/cases/${caseId}${suffix}`;

  it('serves the document `npm run openapi:write` writes and `npm run lint:openapi` checks', async () => {
    expect(served).toEqual(await offlineOpenApiDocument());
  });

  it("the case screen's ETag is the revision: sent back as If-Match it applies, stale it is a 412", async () => {
    await command('/cases', requestBody({ caseId: caseA, reference: 'EHC-2025-0042' }), 201);
    const read = await get(`${at(caseA)}?minPosition=${position}`);
    expect(read.body).toMatchObject({ revision: 0, child: { firstName: 'Amelia' } });
    expect(read.headers.etag).toBe('"0"');
    const assign = { caseworkerId: 'cw-north', assignedOn: '2025-01-07' };
    await exchange('post', at(caseA, '/caseworker'), 200, {
      as: 'caseworker',
      body: assign,
      headers: { 'If-Match': read.headers.etag as string },
    });
    const stale = await exchange('post', at(caseA, '/assessment-decision'), 412, {
      as: 'caseworker',
      body: { decision: 'assess', decidedOn: '2025-02-10' },
      headers: { 'If-Match': read.headers.etag as string },
    });
    expect(stale.body).toMatchObject({ status: 412, code: 'REVISION_MISMATCH' });
  });

  it('If-Match: * applies to a case that exists, and is a 412 on one that does not', async () => {
    const decision = { decision: 'assess', decidedOn: '2025-02-10' };
    const headers = { 'If-Match': '*' };
    await exchange('post', at(caseA, '/assessment-decision'), 200, {
      as: 'caseworker',
      body: decision,
      headers,
    });
    const missing = await exchange('post', at(caseC, '/caseworker'), 412, {
      as: 'caseworker',
      body: { caseworkerId: 'cw-north', assignedOn: '2025-01-07' },
      headers,
    });
    expect(missing.body).toMatchObject({ status: 412, code: 'REVISION_MISMATCH' });
  });

  it('every other command route, from advice to cessation', async () => {
    const { adviceId } = await command(
      at(caseA, '/advice-requests'),
      { source: 'educational_psychology', requestedOn: '2025-02-11' },
      201,
    );
    await command(at(caseA, `/advice-requests/${adviceId}/received`), { receivedOn: '2025-03-10' });
    const { exceptionId } = await command(
      at(caseA, '/exceptions'),
      { reason: 'exceptional_personal_circumstances', startedOn: '2025-03-01', note: 'Bereavement' },
      201,
    );
    await command(at(caseA, `/exceptions/${exceptionId}/end`), { endedOn: '2025-03-20' });
    await command(at(caseA, '/plan-decision'), { decision: 'issue', decidedOn: '2025-04-07' });
    await command(at(caseA, '/draft-plan'), { issuedOn: '2025-04-14' });
    await command(at(caseA, '/representations'), {
      receivedOn: '2025-04-20',
      requestedInstitution: 'Riverside',
    });
    const { consultationId } = await command(
      at(caseA, '/consultations'),
      { institution: 'Riverside', consultedOn: '2025-04-21' },
      201,
    );
    await command(at(caseA, `/consultations/${consultationId}/response`), {
      receivedOn: '2025-05-01',
      outcome: 'can_meet_needs',
    });
    const placement = { institution: 'Riverside', type: 'mainstream' };
    await command(at(caseA, '/final-plan'), { issuedOn: '2025-05-19', placement });
    const audit = await command(
      at(caseA, '/qa-audits'),
      { planVersion: 'final', auditedOn: '2025-06-02', auditorRole: 'qa_officer', sections: GOOD_SECTIONS },
      201,
      'qa',
    );
    expect(audit).toMatchObject({ auditId: expect.any(String), overallGrade: expect.any(String) });
    const first = await command(at(caseA, '/reviews'), { meetingHeldOn: '2026-05-01' }, 201);
    await command(at(caseA, `/reviews/${first.reviewId}/decision`), {
      decision: 'amend',
      decidedOn: '2026-05-15',
    });
    const { noticeId } = await command(at(caseA, '/amendment-notices'), { issuedOn: '2026-05-20' }, 201);
    await command(at(caseA, `/amendment-notices/${noticeId}/representations`), { receivedOn: '2026-05-28' });
    await command(at(caseA, '/amended-plan'), { noticeId, issuedOn: '2026-07-01', placement });
    const further = await command(at(caseA, '/amendment-notices'), { issuedOn: '2026-07-10' }, 201);
    await command(at(caseA, '/amended-plan'), {
      noticeId: further.noticeId,
      issuedOn: '2026-07-28',
      placement: null,
    });
    const last = await command(at(caseA, '/amendment-notices'), { issuedOn: '2026-08-01' }, 201);
    await command(at(caseA, `/amendment-notices/${last.noticeId}/no-amendment`), { decidedOn: '2026-08-10' });
    const second = await command(at(caseA, '/reviews'), { meetingHeldOn: '2027-01-10' }, 201);
    await command(at(caseA, `/reviews/${second.reviewId}/decision`), {
      decision: 'maintain',
      decidedOn: '2027-01-20',
    });
    await command(at(caseA, '/phase-transfers'), { kind: 'school_phase', transferYear: 2028 }, 201);
    await command(at(caseA, '/cessation'), {
      ceasedOn: TODAY,
      reason: 'Moved to a college outside the area',
    });
    await command('/cases', requestBody({ caseId: caseB }), 201);
    await command(at(caseB, '/closure'), { closedOn: TODAY, reason: 'request_withdrawn' });
    await command('/cases', requestBody({ caseId: caseC, requestReceivedOn: '2027-01-04' }), 201);
  });

  it('(2nd ed.) corrections: a fact corrected, another voided, a refused one, the child corrected', async () => {
    await command('/cases', requestBody({ caseId: caseD }), 201);
    await command(at(caseD, '/assessment-decision'), { decision: 'assess', decidedOn: '2025-02-10' });
    const corrected = await command(
      at(caseD, '/corrections'),
      { revision: 1, action: 'correct', changes: { decidedOn: '2025-02-11' }, reason: 'Typed 10 for 11.' },
      201,
    );
    expect(corrected).toMatchObject({ revision: 2, correctionId: expect.any(String) });
    await command(
      at(caseD, '/exceptions'),
      { reason: 'missed_appointment', startedOn: '2025-03-01', endedOn: '2025-03-02' },
      201,
    );
    await command(
      at(caseD, '/corrections'),
      { correctionId: 'void-1', revision: 3, action: 'void', reason: 'Recorded on the wrong case.' },
      201,
    );
    const refused = await exchange('post', at(caseD, '/corrections'), 409, {
      as: 'caseworker',
      body: { revision: 4, action: 'void', reason: 'A correction is not voided.' },
    });
    expect(refused.body.code).toBe('CORRECTION_NOT_ALLOWED');
    const child = {
      firstName: 'Amelia',
      lastName: 'Khan-Ali',
      dateOfBirth: '2016-04-12',
      reason: 'Misspelt.',
    };
    const put = await exchange('put', at(caseD, '/child'), 200, { as: 'caseworker', body: child });
    expect(put.headers.etag).toBe('"5"');
    position = put.body.position as string;
  });

  it('(2nd ed.) transfer in, re-assessment, appeals and orders, mediation, cessation decision', async () => {
    const placement = { institution: 'Riverside', type: 'mainstream' };
    const transfer = await command(
      '/cases/transfers-in',
      {
        caseId: caseE,
        reference: 'EHC-2025-0107',
        team: 'north',
        transferredOn: '2025-03-03',
        fromAuthority: 'Oxfordshire County Council',
        planMadeOn: '2024-01-15',
        lastReviewedOn: '2024-12-10',
        placement,
        child: { firstName: 'Amelia', lastName: 'Khan', dateOfBirth: '2016-04-12' },
      },
      201,
    );
    expect(transfer).toMatchObject({ caseId: caseE, revision: 0 });
    await command(at(caseE, '/transfer-notice'), { issuedOn: '2025-04-01', proposesAssessment: false });
    const first = await command(
      at(caseE, '/reassessment-requests'),
      { receivedOn: '2025-06-02', requestedBy: 'parent' },
      201,
    );
    expect(first.requestId).toEqual(expect.any(String));
    await command(at(caseE, `/reassessment-requests/${first.requestId}/decision`), {
      decision: 'reassess',
      decidedOn: '2025-06-16',
    });
    await command(at(caseE, `/reassessment-requests/${first.requestId}/unchanged`), {
      decidedOn: '2025-09-01',
    });
    const second = await command(
      at(caseE, '/reassessment-requests'),
      { requestId: 'rr-2', receivedOn: '2025-10-01', requestedBy: 'institution' },
      201,
    );
    expect(second.requestId).toBe('rr-2');
    await command(at(caseE, '/reassessment-requests/rr-2/decision'), {
      decision: 'refuse',
      decidedOn: '2025-10-10',
    });
    const appeal = await command(
      at(caseE, '/appeals'),
      { lodgedOn: '2025-11-03', against: 'refusal_to_reassess' },
      201,
    );
    await command(at(caseE, `/appeals/${appeal.appealId}/outcome`), {
      outcome: 'dismissed',
      decidedOn: '2026-02-02',
    });
    const twice = await exchange('post', at(caseE, `/appeals/${appeal.appealId}/outcome`), 409, {
      as: 'caseworker',
      body: { outcome: 'withdrawn', decidedOn: '2026-02-03' },
    });
    expect(twice.body.code).toBe('APPEAL_OUTCOME_ALREADY_RECORDED');
    const unknown = await exchange('post', at(caseE, '/appeals/no-such-appeal/outcome'), 404, {
      as: 'caseworker',
      body: { outcome: 'order', decidedOn: '2026-02-03' },
    });
    expect(unknown.body.code).toBe('APPEAL_NOT_FOUND');
    const mediation = await command(at(caseE, '/mediations'), { startedOn: '2026-02-10' }, 201);
    await command(at(caseE, `/mediations/${mediation.mediationId}/end`), { endedOn: '2026-03-01' });
    await command(at(caseE, '/cessation-decision'), {
      decidedOn: '2026-06-01',
      reason: 'moved_to_another_authority',
    });
    const cessation = await command(
      at(caseE, '/appeals'),
      { appealId: 'ap-cease', lodgedOn: '2026-06-20', against: 'cessation' },
      201,
    );
    expect(cessation.appealId).toBe('ap-cease');
    await command(at(caseE, '/appeals/ap-cease/outcome'), { outcome: 'order', decidedOn: '2026-09-01' });

    await command('/cases', requestBody({ caseId: caseF }), 201);
    await command(at(caseF, '/assessment-decision'), { decision: 'refuse', decidedOn: '2025-02-10' });
    const refusal = await command(
      at(caseF, '/appeals'),
      { lodgedOn: '2025-03-03', against: 'refusal_to_assess' },
      201,
    );
    await command(at(caseF, `/appeals/${refusal.appealId}/outcome`), {
      outcome: 'order',
      decidedOn: '2025-07-01',
    });
    const screen = await get(`${at(caseE)}?minPosition=${position}`);
    expect(screen.body).toMatchObject({ caseId: caseE, stage: 'plan_maintained' });
    await get(`${at(caseF)}?asOf=2025-07-02`);
    await get('/deadlines?kind=order_final_plan&team=north');
  });

  it('the queries: work tray (with and without a next deadline), case screen, history, deadlines, figures', async () => {
    const tray = await get(`/cases?minPosition=${position}`);
    const next = (caseId: string) =>
      (tray.body.items as { caseId: string; nextDeadline: unknown }[]).find((item) => item.caseId === caseId)
        ?.nextDeadline;
    expect(next(caseB)).toBeNull();
    expect(next(caseC)).toMatchObject({ kind: 'decision_to_assess' });
    await get('/cases?stage=requested&page=1&pageSize=10&asOf=2027-02-01');
    const screen = await get(at(caseA));
    expect(screen.headers.etag).toBe(`"${screen.body.revision}"`);
    const history = await get(at(caseA, '/events'));
    expect(history.headers.etag).toBe(`"${(history.body as unknown[]).length - 1}"`);
    await get(at(randomUUID()), 404);
    await get('/deadlines');
    await get('/deadlines?status=overdue&kind=decision_to_assess&team=north');
    await get('/timeliness/sen2?from=2025-01-01&to=2027-03-01');
    await get('/timeliness/sen2?from=2025-01-01&to=2027-03-01&by=team');
    await get('/timeliness/monthly?from=2025-01-01&to=2025-12-31&team=north');
    await get('/qa/summary?from=2025-01-01&to=2025-12-31');
    await get('/teams');
  });

  it('notifications: one whose deadline stands, one whose deadline is gone (null)', async () => {
    const db = api.app.get(DataSource);
    for (const deadlineId of ['decision_to_assess', 'no-longer-there'])
      await db.query(
        `insert into notification (id, deadline_id, case_id, team, kind, warn_days, alert_key, due_on,
                                   fire_at, deadline, created_at)
         values ($1, $2, $3, 'north', 'overdue', null, 'overdue', '2027-02-15', now(), $4, now())`,
        [randomUUID(), deadlineRowId(caseC, deadlineId), caseC, { id: deadlineId }],
      );
    const { body } = await get('/notifications');
    expect(body.items.map((item: { deadline: unknown }) => item.deadline === null).sort()).toEqual([
      false,
      true,
    ]);
    await get(`/notifications?caseId=${caseC}&kind=overdue&page=1&pageSize=5`);
  });

  it("(2nd ed.) the child's views, the family's link and their view (no token), the published figures", async () => {
    const caseG = randomUUID();
    await command('/cases', requestBody({ caseId: caseG, reference: 'EHC-2025-0200' }), 201);
    const views = await command(
      at(caseG, '/views'),
      { gatheredOn: '2025-01-20', method: 'meeting', stage: 'assessment', summary: 'Likes drawing.' },
      201,
    );
    expect(views.viewsId).toEqual(expect.any(String));
    const link = await command(at(caseG, '/family-links'), { expiresInDays: 30 }, 201);
    await get(`${at(caseG)}?minPosition=${position}`);
    const token = (link.url as string).split('/family/')[1];
    const view = await exchange('post', '/family/view', 200, { body: { token } });
    expect(view.body).toMatchObject({ reference: 'EHC-2025-0200', childFirstName: 'Amelia' });
    await exchange('post', '/family/view', 404, { body: { token: 'A'.repeat(43) } });
    await command(at(caseG, `/family-links/${link.linkId as string}`), undefined);
    await exchange('post', '/family/view', 410, { body: { token } });
    const published = await exchange('get', '/public/timeliness?from=2025-01-01&to=2026-12-31', 200);
    expect(published.headers['cache-control']).toBe('public, max-age=300');
    await exchange('get', '/public/timeliness', 200);
    await exchange('get', '/public/timeliness?from=2020-01-01&to=2026-12-31', 400);
  });

  it('erasure, then the case screen with the child null', async () => {
    await command(at(caseA, '/personal-data'), undefined, 200, 'admin');
    const read = await get(`${at(caseA)}?minPosition=${position}`);
    expect(read.body.child).toBeNull();
    expect(read.headers.etag).toBe(`"${read.body.revision}"`);
  });

  it('the probes, with no token', async () => {
    await exchange('get', '/health/live', 200);
    await exchange('get', '/health/ready', 200);
  });

  it('Prism forwarded every request to the api and reported no violation over the whole run', () => {
    const log = prism.log();
    expect(exchanges.length).toBeGreaterThanOrEqual(45);
    // Prism's own account: each exchange answered by the api (none by Prism in its place), none flagged.
    expect(log.match(/The upstream call to \S+ has returned \d{3}/g)).toHaveLength(exchanges.length);
    expect(log).not.toMatch(/Violation|terminated with error/);
  });
});

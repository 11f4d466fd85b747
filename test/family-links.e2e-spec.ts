import { createHash, randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Clock, ManualClock } from '@ehcp/config';
import { expectProblem } from './support/case-http';
import {
  requestBody,
  revisionOf,
  startCommandApi,
  type Caller,
  type CommandApi,
} from './support/command-api';
import { startInProcessProjector } from './support/in-process-projector';

/**
 * Issue 17 over HTTP (api and projector on a real PostgreSQL): a caseworker sends the family a private
 * link (POST /cases/{caseId}/family-links), the family opens it with no sign-in (POST /family/view,
 * the token in the body), every view goes on the case's record, and a stopped, replaced or run-out
 * link shows nothing. The child's views (CFA 2014 s19, POST /cases/{caseId}/views) are on the page.
 * The api's clock stands at Mon 2 Jun 2025.
 */
const TODAY = '2025-06-02';
const WEB_URL = 'https://send.example.gov.uk';
const PLACEMENT = { institution: 'Riverside Primary School', type: 'mainstream' };

interface FamilyStep {
  id: string;
  kind: string;
  title: string;
  dueOn: string;
  metOn: string | null;
  status: string;
  daysLate: number | null;
}

describe("the family's private link (issue 17; CFA 2014 s19)", () => {
  let api: CommandApi;
  let projector: INestApplication;
  let caseworker: Caller;
  let admin: Caller;
  let position = '';

  beforeAll(async () => {
    api = await startCommandApi(
      { TEAMS: 'north=North team,south=South team', WEB_URL: `${WEB_URL}/` },
      TODAY,
    );
    projector = await startInProcessProjector(api.config);
    caseworker = await api.as('cw-north', ['caseworker'], ['north']);
    admin = await api.as('admin-1', ['admin'], []);
  }, 90_000);

  afterAll(async () => {
    await projector?.close();
    await api?.close();
  });

  async function send(path: string, body: unknown = {}): Promise<Record<string, string>> {
    const response = await caseworker.post(path, body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${response.text}`);
    position = response.body.position as string;
    return response.body as Record<string, string>;
  }

  /**
   * Requested Mon 6 Jan 2025; decided to assess on 10 Mar, 21 days after the 6 weeks (17 Feb); the
   * plan decided, drafted and issued on time (final 19 May, within 20 weeks); views gathered 20 Feb.
   */
  async function planCase(reference = 'EHC-2025-0042'): Promise<string> {
    const caseId = randomUUID();
    const at = (path: string) => `/cases/${caseId}${path}`;
    await send('/cases', requestBody({ caseId, reference, requestReceivedOn: '2025-01-06' }));
    await send(at('/assessment-decision'), { decision: 'assess', decidedOn: '2025-03-10' });
    await send(at('/views'), {
      gatheredOn: '2025-02-20',
      method: 'meeting',
      stage: 'assessment',
      summary: 'I like drawing. The dinner hall is too loud.',
    });
    await send(at('/plan-decision'), { decision: 'issue', decidedOn: '2025-04-07' });
    await send(at('/draft-plan'), { issuedOn: '2025-04-14' });
    await send(at('/final-plan'), { issuedOn: '2025-05-19', placement: PLACEMENT });
    return caseId;
  }

  /** A new link for the case, once the read models know it (the family finds it by its hash there). */
  async function issueLink(
    caseId: string,
    body: Record<string, unknown> = {},
  ): Promise<{ linkId: string; expiresOn: string; token: string }> {
    const issued = await send(`/cases/${caseId}/family-links`, body);
    await caseworker.get(`/cases/${caseId}?minPosition=${position}`).expect(200);
    return { linkId: issued.linkId, expiresOn: issued.expiresOn, token: issued.url.split('/family/')[1] };
  }

  /** The family opening their link: no token of ours, only theirs. */
  const familyView = (token: unknown) => api.anonymous().post('/family/view', { token });

  const history = async (caseId: string) =>
    (await caseworker.get(`/cases/${caseId}/events`).expect(200)).body as {
      type: string;
      data: Record<string, unknown>;
      metadata: { userId: string };
    }[];

  it('a caseworker sends a link: 201 with the URL (shown once), its id and last day; the case keeps only the hash', async () => {
    const caseId = await planCase();
    const response = await caseworker.post(`/cases/${caseId}/family-links`, {}).expect(201);
    const { linkId, url, expiresOn, revision } = response.body as Record<string, string>;
    expect(response.headers.etag).toBe(`"${revision}"`);
    expect(expiresOn).toBe('2025-08-31'); // FAMILY_LINK_DAYS: 90 days after 2 Jun
    expect(url).toMatch(new RegExp(`^${WEB_URL}/family/[A-Za-z0-9_-]{43}$`));
    const token = url.split('/family/')[1];
    const events = await history(caseId);
    const issued = events.find((event) => event.type === 'FamilyLinkIssued');
    expect(issued?.data).toEqual({
      linkId,
      tokenHash: createHash('sha256').update(token).digest('hex'),
      issuedOn: TODAY,
      expiresOn,
    });
    expect(JSON.stringify(events)).not.toContain(token);
  });

  it('the family opens it with no sign-in: their steps in due order, the late one by how many days, the views; the view is on the record', async () => {
    const caseId = await planCase();
    const { token, linkId, expiresOn } = await issueLink(caseId, { expiresInDays: 30 });
    expect(expiresOn).toBe('2025-07-02');
    const response = await familyView(token).expect(200);
    const view = response.body as Record<string, unknown> & { steps: FamilyStep[] };
    expect(view).toMatchObject({
      reference: 'EHC-2025-0042',
      childFirstName: 'Amelia',
      team: { code: 'north', name: 'North team' },
      stage: 'plan_maintained',
      asOf: TODAY,
      expiresOn: '2025-07-02',
      views: [
        {
          gatheredOn: '2025-02-20',
          method: 'meeting',
          stage: 'assessment',
          summary: 'I like drawing. The dinner hall is too loud.',
        },
      ],
    });
    expect(view.steps.find((step) => step.id === 'decision_to_assess')).toMatchObject({
      kind: 'decision_to_assess',
      title: 'Decide whether to assess',
      dueOn: '2025-02-17',
      metOn: '2025-03-10',
      status: 'met_late',
      daysLate: 21,
    });
    expect(view.steps.find((step) => step.id === 'final_plan')).toMatchObject({
      metOn: '2025-05-19',
      status: 'met',
      daysLate: null,
    });
    expect(view.steps.filter((step) => step.daysLate !== null).map((step) => step.id)).toEqual([
      'decision_to_assess',
    ]);
    const dues = view.steps.map((step) => step.dueOn);
    expect(dues).toEqual([...dues].sort());
    // Nothing of the council's working, nor the rest of the child's details.
    const text = JSON.stringify(view);
    for (const secret of ['Khan', '2016-04-12', 'cw-north', 'caseworker', caseId, token])
      expect(text).not.toContain(secret);

    const viewed = (await history(caseId)).filter((event) => event.type === 'FamilyLinkViewed');
    expect(viewed).toEqual([
      expect.objectContaining({
        data: { linkId, viewedOn: TODAY },
        metadata: expect.objectContaining({ userId: `family-link:${linkId}` }),
      }),
    ]);
    await familyView(token).expect(200);
    expect((await history(caseId)).filter((event) => event.type === 'FamilyLinkViewed')).toHaveLength(2);
  });

  it("shows one case only: another case's link shows that case, and nothing of this one", async () => {
    const [first, second] = [await planCase('EHC-2025-0101'), await planCase('EHC-2025-0102')];
    const { token } = await issueLink(second);
    const { body } = await familyView(token).expect(200);
    expect(body.reference).toBe('EHC-2025-0102');
    expect(JSON.stringify(body)).not.toContain(first);
    expect(JSON.stringify(body)).not.toContain('EHC-2025-0101');
  });

  it('once stopped, the link shows nothing (410 FAMILY_LINK_REVOKED) and records nothing; stopping it again is a 409', async () => {
    const caseId = await planCase();
    const { token, linkId } = await issueLink(caseId);
    const revoked = await caseworker.del(`/cases/${caseId}/family-links/${linkId}`).expect(200);
    expect(revoked.body).toEqual({ caseId, revision: expect.any(Number), position: expect.any(String) });
    const revision = await revisionOf(caseworker, caseId);
    expectProblem(await familyView(token), 410, 'FAMILY_LINK_REVOKED');
    expectProblem(
      await caseworker.del(`/cases/${caseId}/family-links/${linkId}`),
      409,
      'FAMILY_LINK_REVOKED',
    );
    expectProblem(
      await caseworker.del(`/cases/${caseId}/family-links/no-such-link`),
      404,
      'FAMILY_LINK_NOT_FOUND',
    );
    expect(await revisionOf(caseworker, caseId)).toBe(revision);
  });

  it('a new link replaces the old: the old one is 410, the new one works', async () => {
    const caseId = await planCase();
    const first = await issueLink(caseId);
    const second = await issueLink(caseId);
    expect(second.linkId).not.toBe(first.linkId);
    expectProblem(await familyView(first.token), 410, 'FAMILY_LINK_REVOKED');
    await familyView(second.token).expect(200);
  });

  it('works through its last day and not after it (410 FAMILY_LINK_EXPIRED)', async () => {
    const caseId = await planCase();
    const { token } = await issueLink(caseId, { expiresInDays: 1 });
    const clock = api.app.get(Clock) as ManualClock;
    try {
      clock.set('2025-06-03T22:30:00Z'); // 23:30 on 3 June in London: the last day
      expect((await familyView(token).expect(200)).body).toMatchObject({
        asOf: '2025-06-03',
        expiresOn: '2025-06-03',
      });
      clock.set('2025-06-03T23:30:00Z'); // 00:30 on 4 June in London
      const revision = await revisionOf(caseworker, caseId);
      expectProblem(await familyView(token), 410, 'FAMILY_LINK_EXPIRED');
      expect(await revisionOf(caseworker, caseId)).toBe(revision);
    } finally {
      clock.set(`${TODAY}T12:00:00Z`);
    }
  });

  it.each([
    ['a token never issued', 'A'.repeat(43)],
    ['a malformed token', 'not-a-token'],
    ['an empty token', ''],
  ])('%s: 404 FAMILY_LINK_NOT_FOUND', async (_what, token) => {
    expectProblem(await familyView(token), 404, 'FAMILY_LINK_NOT_FOUND');
  });

  it('a repeated request (same Idempotency-Key) answers the same link with url null, and appends nothing', async () => {
    const caseId = await planCase();
    const headers = { 'Idempotency-Key': randomUUID() };
    const first = await caseworker
      .post(`/cases/${caseId}/family-links`, { expiresInDays: 14 }, headers)
      .expect(201);
    const revision = await revisionOf(caseworker, caseId);
    const again = await caseworker
      .post(`/cases/${caseId}/family-links`, { expiresInDays: 14 }, headers)
      .expect(201);
    expect(first.body.url).toEqual(expect.any(String));
    expect(again.body).toEqual({ ...first.body, url: null });
    expect(await revisionOf(caseworker, caseId)).toBe(revision);
  });

  it("the child's views: recorded (201 with viewsId), and for the draft or a review only once reached", async () => {
    const caseId = randomUUID();
    await send('/cases', requestBody({ caseId, requestReceivedOn: '2025-01-06' }));
    const recorded = await caseworker
      .post(`/cases/${caseId}/views`, {
        viewsId: 'v-1',
        gatheredOn: '2025-01-20',
        method: 'questionnaire',
        stage: 'assessment',
      })
      .expect(201);
    expect(recorded.body).toMatchObject({ caseId, viewsId: 'v-1', revision: 1 });
    expectProblem(
      await caseworker.post(`/cases/${caseId}/views`, {
        gatheredOn: '2025-01-21',
        method: 'advocate',
        stage: 'draft',
      }),
      409,
      'VIEWS_STAGE_NOT_REACHED',
    );
    expectProblem(
      await caseworker.post(`/cases/${caseId}/views`, {
        viewsId: 'v-1',
        gatheredOn: '2025-01-21',
        method: 'other',
        stage: 'assessment',
      }),
      409,
      'VIEWS_ALREADY_EXISTS',
    );
    const { token } = await issueLink(caseId);
    const { body } = await familyView(token).expect(200);
    expect(body.views).toEqual([
      { gatheredOn: '2025-01-20', method: 'questionnaire', stage: 'assessment', summary: null },
    ]);
  });

  it("once the child's details are erased, the link shows nothing (410) and no new one is sent (409)", async () => {
    const caseId = await planCase();
    const { token } = await issueLink(caseId);
    await admin.del(`/cases/${caseId}/personal-data`).expect(200);
    expectProblem(await familyView(token), 410, 'PERSONAL_DATA_ERASED');
    expectProblem(await caseworker.post(`/cases/${caseId}/family-links`, {}), 409, 'PERSONAL_DATA_ERASED');
  });

  describe('bad input: a problem document, and nothing appended', () => {
    let caseId: string;
    let revision: number;

    beforeAll(async () => {
      caseId = await planCase();
      revision = await revisionOf(caseworker, caseId);
    });

    afterEach(async () => {
      expect(await revisionOf(caseworker, caseId)).toBe(revision);
    });

    it.each<[string, string, Record<string, unknown>, string]>([
      ['no days', '/family-links', { expiresInDays: 0 }, 'expiresInDays'],
      ['over a year', '/family-links', { expiresInDays: 366 }, 'expiresInDays'],
      ['part of a day', '/family-links', { expiresInDays: 1.5 }, 'expiresInDays'],
      ['days as text', '/family-links', { expiresInDays: '30' }, 'expiresInDays'],
      ['a token chosen by the caller', '/family-links', { tokenHash: 'a'.repeat(64) }, 'tokenHash'],
      [
        'views gathered tomorrow',
        '/views',
        { gatheredOn: '2025-06-03', method: 'meeting', stage: 'review' },
        'gatheredOn',
      ],
      [
        'views gathered some other way',
        '/views',
        { gatheredOn: '2025-06-01', method: 'telepathy', stage: 'review' },
        'method',
      ],
      [
        'views for no stage',
        '/views',
        { gatheredOn: '2025-06-01', method: 'meeting', stage: 'later' },
        'stage',
      ],
      [
        'an over-long summary',
        '/views',
        { gatheredOn: '2025-06-01', method: 'meeting', stage: 'review', summary: 'x'.repeat(2001) },
        'summary',
      ],
    ])('%s: 400 naming the field', async (_what, path, body, field) => {
      expectProblem(await caseworker.post(`/cases/${caseId}${path}`, body), 400, 'VALIDATION_FAILED', field);
    });

    it.each<[string, unknown]>([
      ['no token', {}],
      ['a token that is not text', { token: 42 }],
      ['another field', { token: 'A'.repeat(43), caseId: randomUUID() }],
    ])('POST /family/view with %s: 400', async (_what, body) => {
      expectProblem(await api.anonymous().post('/family/view', body), 400, 'VALIDATION_FAILED');
    });

    it('POST /family/view with a body that is not JSON: 400', async () => {
      const response = await api
        .anonymous()
        .post('/family/view')
        .set('content-type', 'application/json')
        .send('{token');
      expectProblem(response, 400, 'MALFORMED_JSON');
    });

    it('a link of another team: 403, whatever the link', async () => {
      const south = await api.as('cw-south', ['caseworker'], ['south']);
      expectProblem(await south.post(`/cases/${caseId}/family-links`, {}), 403, 'FORBIDDEN_TEAM');
    });
  });
});

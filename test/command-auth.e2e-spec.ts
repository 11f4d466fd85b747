import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { signDevToken, type Role } from '@ehcp/auth';
import { COMMAND_ENDPOINTS, urlOf, type CommandEndpoint } from './support/command-endpoints';
import {
  given,
  requestBody,
  revisionOf,
  startCommandApi,
  type Caller,
  type CommandApi,
} from './support/command-api';

/**
 * The 401/403 matrix: every command and the case history, for every role, for a case of the
 * caller's team and of another team. A refused request appends nothing.
 */
describe('command authentication and authorisation', () => {
  let api: CommandApi;
  let admin: Caller;
  let examples: Map<string, Record<string, unknown>>;
  const northCase = randomUUID();
  let northRevision: number;

  beforeAll(async () => {
    api = await startCommandApi();
    admin = await api.as('admin-1', ['admin'], []);
    await given(await api.as('cw-north', ['caseworker'], ['north']), [
      ['/cases', requestBody({ caseId: northCase })],
    ]);
    northRevision = await revisionOf(admin, northCase);
    // The OpenAPI examples are valid bodies: FORBIDDEN_TEAM needs a body that passes validation.
    const document = (await api.anonymous().get('/docs-json').expect(200)).body as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: {
              content: Record<string, { examples?: Record<string, { value: Record<string, unknown> }> }>;
            };
          }
        >
      >;
    };
    examples = new Map(
      COMMAND_ENDPOINTS.map((endpoint) => {
        const content =
          document.paths[endpoint.path]?.[endpoint.method]?.requestBody?.content['application/json'];
        return [endpoint.path, content?.examples?.example.value ?? {}];
      }),
    );
  }, 60_000);
  afterAll(() => api.close());

  afterEach(async () => {
    expect(await revisionOf(admin, northCase)).toBe(northRevision);
  });

  const send = (caller: Caller, endpoint: CommandEndpoint, caseId: string, body: unknown) =>
    endpoint.method === 'delete'
      ? caller.del(urlOf(endpoint, caseId))
      : caller[endpoint.method](urlOf(endpoint, caseId), body);

  const label = (endpoint: CommandEndpoint) => `${endpoint.method.toUpperCase()} ${endpoint.path}`;

  describe('401 UNAUTHENTICATED', () => {
    it.each(COMMAND_ENDPOINTS.map((endpoint) => [label(endpoint), endpoint] as const))(
      '%s without a token',
      async (_label, endpoint) => {
        const response = await send(api.anonymous(), endpoint, northCase, examples.get(endpoint.path));
        expect(response.status).toBe(401);
        expect(response.body).toMatchObject({
          status: 401,
          code: 'UNAUTHENTICATED',
          title: 'Unauthorized',
          detail: expect.any(String),
        });
        expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      },
    );

    it('GET /cases/{caseId}/events without a token', async () => {
      await api.anonymous().get(`/cases/${northCase}/events`).expect(401);
    });

    it.each<[string, () => Promise<string>]>([
      ['a malformed token', async () => 'Bearer not.a.jwt'],
      ['another scheme', async () => 'Basic dXNlcjpwYXNz'],
      [
        'a token signed with another secret',
        async () =>
          `Bearer ${await signDevToken({ sub: 'u', roles: ['admin'], teams: [] }, 'another-secret-0123456789')}`,
      ],
      [
        'an expired token',
        async () =>
          `Bearer ${await signDevToken({ sub: 'u', roles: ['admin'], teams: [] }, api.config.AUTH_JWT_SECRET!, '-1h')}`,
      ],
      [
        'a token without teams',
        async () =>
          `Bearer ${await new SignJWT({ roles: ['admin'] })
            .setProtectedHeader({ alg: 'HS256' })
            .setSubject('u')
            .setExpirationTime('1h')
            .sign(new TextEncoder().encode(api.config.AUTH_JWT_SECRET!))}`,
      ],
      [
        'an unsigned token (alg none)',
        async () => {
          const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
          return `Bearer ${part({ alg: 'none' })}.${part({ sub: 'u', roles: ['admin'], teams: [], exp: 4102444800 })}.`;
        },
      ],
    ])('%s', async (_title, authorization) => {
      const response = await api
        .anonymous()
        .post(`/cases/${northCase}/draft-plan`, { issuedOn: '2025-04-14' })
        .set('authorization', await authorization());
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('403 FORBIDDEN_ROLE: roles per command (API.md)', () => {
    const allowed = (endpoint: CommandEndpoint, role: Role): boolean =>
      role === 'admin' ||
      (endpoint.roles === 'case' && role === 'caseworker') ||
      (endpoint.roles === 'qa' && role === 'qa_officer') ||
      (endpoint.roles === 'case_or_qa' && (role === 'caseworker' || role === 'qa_officer'));
    const matrix = COMMAND_ENDPOINTS.flatMap((endpoint) =>
      (['caseworker', 'manager', 'qa_officer', 'admin'] as const).map(
        (role) => [label(endpoint), role, allowed(endpoint, role), endpoint] as const,
      ),
    );

    it.each(matrix)('%s as %s: allowed=%s', async (_label, role, isAllowed, endpoint) => {
      const caller = await api.as(`${role}-north`, [role], ['north']);
      // An empty body (or, where that is valid or there is none, an unknown case) shows the guard let
      // the request through without changing anything: 400 / 404 rather than 403.
      const unknownCase = endpoint.method === 'delete' || endpoint.emptyBodyValid === true;
      const caseId = unknownCase ? randomUUID() : northCase;
      const response = await send(caller, endpoint, caseId, {});
      if (isAllowed) {
        expect(response.status).not.toBe(403);
        expect(response.status).not.toBe(401);
        expect(response.status).toBe(unknownCase ? 404 : 400);
      } else {
        expect(response.status).toBe(403);
        expect(response.body).toMatchObject({ status: 403, code: 'FORBIDDEN_ROLE' });
      }
    });

    it('a token with no role this service knows reads nothing', async () => {
      const caller = await api.as('stranger', [], ['north']);
      const response = await caller.get(`/cases/${northCase}/events`).expect(403);
      expect(response.body.code).toBe('FORBIDDEN_ROLE');
    });

    it.each(['caseworker', 'manager', 'qa_officer', 'admin'] as const)(
      'GET /cases/{caseId}/events as %s of the team: 200',
      async (role) => {
        const caller = await api.as(`${role}-north`, [role], ['north']);
        const response = await caller.get(`/cases/${northCase}/events`).expect(200);
        expect(response.body).toHaveLength(northRevision + 1);
      },
    );
  });

  describe('403 FORBIDDEN_TEAM: a case of another team', () => {
    // Admin acts on every team (covered below); the erasure is admin-only.
    const teamScoped = COMMAND_ENDPOINTS.filter(
      (endpoint) => endpoint.path !== '/cases' && endpoint.roles !== 'admin',
    );

    it.each(teamScoped.map((endpoint) => [label(endpoint), endpoint] as const))(
      '%s on a north case by a south user',
      async (_label, endpoint) => {
        const role = endpoint.roles === 'qa' ? 'qa_officer' : 'caseworker';
        const caller = await api.as(`${role}-south`, [role], ['south']);
        const response = await send(caller, endpoint, northCase, examples.get(endpoint.path));
        expect(response.status).toBe(403);
        expect(response.body).toMatchObject({ status: 403, code: 'FORBIDDEN_TEAM' });
      },
    );

    it.each(['caseworker', 'manager', 'qa_officer'] as const)(
      'GET events by a south %s: 403',
      async (role) => {
        const caller = await api.as(`${role}-south`, [role], ['south']);
        const response = await caller.get(`/cases/${northCase}/events`).expect(403);
        expect(response.body.code).toBe('FORBIDDEN_TEAM');
      },
    );

    it('POST /cases for a team the caller is not in: 403, and no case is opened', async () => {
      const caller = await api.as('cw-north', ['caseworker'], ['north']);
      const caseId = randomUUID();
      const response = await caller.post('/cases', requestBody({ caseId, team: 'south' })).expect(403);
      expect(response.body.code).toBe('FORBIDDEN_TEAM');
      expect(await revisionOf(admin, caseId)).toBe(-1);
    });

    it('a caseworker of several teams acts on each; admin (no teams) acts on all', async () => {
      const both = await api.as('cw-both', ['caseworker'], ['south', 'north']);
      const caseId = randomUUID();
      await both.post('/cases', requestBody({ caseId, team: 'south' })).expect(201);
      await both
        .post(`/cases/${caseId}/caseworker`, { caseworkerId: 'cw-both', assignedOn: '2025-01-07' })
        .expect(200);
      await admin
        .post(`/cases/${caseId}/assessment-decision`, { decision: 'assess', decidedOn: '2025-02-10' })
        .expect(200);
      const events = (await admin.get(`/cases/${caseId}/events`).expect(200)).body as {
        metadata: { userId: string };
      }[];
      expect(events.map((event) => event.metadata.userId)).toEqual(['cw-both', 'cw-both', 'admin-1']);
    });
  });

  describe('service endpoints need no token', () => {
    it.each(['/health/live', '/metrics', '/docs-json'])('GET %s', async (path) => {
      await api.anonymous().get(path).expect(200);
    });

    it('GET /docs serves Swagger UI with security headers', async () => {
      const response = await api.anonymous().get('/docs').redirects(1).expect(200);
      expect(response.text).toContain('swagger-ui');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['x-powered-by']).toBeUndefined();
    });
  });
});

describe('rate limiting', () => {
  let limited: CommandApi;
  beforeAll(async () => {
    limited = await startCommandApi({ RATE_LIMIT_PER_MINUTE: '5' });
  }, 60_000);
  afterAll(() => limited.close());

  it('past the per-minute budget: 429 RATE_LIMITED with Retry-After, as a problem document', async () => {
    const caller = await limited.as('busy', ['caseworker']);
    const caseId = randomUUID();
    const statuses: number[] = [];
    let last: { status: number; body: Record<string, unknown>; headers: Record<string, string> } | undefined;
    for (let i = 0; i < 7; i += 1) {
      last = await caller.get(`/cases/${caseId}/events`);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429]);
    expect(last?.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    // Probes are never throttled.
    await limited.anonymous().get('/health/live').expect(200);
  });
});

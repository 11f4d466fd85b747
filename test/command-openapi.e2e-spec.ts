import { COMMAND_ENDPOINTS } from './support/command-endpoints';
import { startCommandApi, type Caller, type CommandApi } from './support/command-api';

interface Operation {
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: {
    content: Record<
      string,
      { schema: { $ref?: string }; examples?: Record<string, { value: Record<string, unknown> }> }
    >;
  };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
  security?: Record<string, string[]>[];
}

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, Record<string, unknown>>;
    securitySchemes: Record<string, Record<string, unknown>>;
  };
}

/** /docs-json is complete and coherent, and its examples take a case from request to final plan. */
describe('OpenAPI document', () => {
  let api: CommandApi;
  let document: OpenApiDocument;

  beforeAll(async () => {
    api = await startCommandApi();
    document = (await api.anonymous().get('/docs-json').expect(200)).body as OpenApiDocument;
  }, 60_000);
  afterAll(() => api.close());

  const operation = (method: string, path: string): Operation => {
    const found = document.paths[path]?.[method];
    if (!found) throw new Error(`${method.toUpperCase()} ${path} is not in the document`);
    return found;
  };

  it('is OpenAPI 3 with a bearer scheme and the problem schema', () => {
    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(document.info).toMatchObject({ title: expect.any(String), version: '1' });
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.components.schemas.ProblemDocument).toMatchObject({
      required: expect.arrayContaining(['type', 'title', 'status', 'detail', 'code']),
    });
  });

  it.each(
    COMMAND_ENDPOINTS.map(
      (endpoint) => [`${endpoint.method.toUpperCase()} ${endpoint.path}`, endpoint] as const,
    ),
  )('%s: parameters, example body, success and problem responses', (_label, endpoint) => {
    const op = operation(endpoint.method, endpoint.path);
    expect(op.security).toEqual([{ bearer: [] }]);
    const pathParams = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
    for (const name of pathParams)
      expect(op.parameters).toContainEqual(expect.objectContaining({ name, in: 'path', required: true }));
    for (const header of ['If-Match', 'Idempotency-Key'])
      expect(op.parameters).toContainEqual(expect.objectContaining({ name: header, in: 'header' }));
    if (endpoint.method !== 'delete') {
      const json = op.requestBody?.content['application/json'];
      expect(json?.schema.$ref).toMatch(/^#\/components\/schemas\/\w+Dto$/);
      expect(json?.examples?.example.value).toEqual(expect.any(Object));
    }
    const success = endpoint.creates ? '201' : '200';
    expect(op.responses[success]?.content?.['application/json'].schema.$ref).toMatch(/ResponseDto$/);
    for (const status of ['400', '401', '403', '409', '412', '429'])
      expect(op.responses[status]?.content?.['application/problem+json'].schema.$ref).toBe(
        '#/components/schemas/ProblemDocument',
      );
  });

  it('documents the case history', () => {
    const op = operation('get', '/cases/{caseId}/events');
    expect(op.responses['200']).toBeDefined();
    expect(op.responses['404']?.content?.['application/problem+json']).toBeDefined();
  });

  it('has schemas with enums from the domain vocabulary, and every $ref resolves', () => {
    const receive = document.components.schemas.ReceiveRequestDto as {
      required: string[];
      properties: Record<string, Record<string, unknown>>;
    };
    expect(receive.required.sort()).toEqual(['child', 'requestReceivedOn', 'requestedBy', 'team']);
    expect(receive.properties.requestReceivedOn).toMatchObject({ type: 'string', format: 'date' });
    expect(document.components.schemas.Requester).toMatchObject({
      enum: expect.arrayContaining(['parent', 'school']),
    });
    expect(document.components.schemas.QaSectionGrade).toMatchObject({
      enum: ['outstanding', 'good', 'requires_improvement', 'inadequate', 'not_applicable'],
    });
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map(
      (m) => m[1],
    );
    expect(refs.length).toBeGreaterThan(50);
    for (const ref of new Set(refs)) expect(document.components.schemas[ref]).toBeDefined();
  });

  it('the examples, sent as they are, take a case from request to final plan and on to its first review', async () => {
    const caseworker = await api.as('curl-user', ['caseworker', 'qa_officer']);
    const example = (path: string) =>
      operation('post', path).requestBody!.content['application/json'].examples!.example.value;
    const send = async (caller: Caller, path: string, url: string, patch: Record<string, unknown> = {}) => {
      const response = await caller.post(url, { ...example(path), ...patch });
      if (response.status >= 300) throw new Error(`${path}: ${response.status} ${response.text}`);
      return response.body as Record<string, string>;
    };
    const { caseId } = await send(caseworker, '/cases', '/cases');
    const at = (suffix: string) => `/cases/${caseId}${suffix}`;
    await send(caseworker, '/cases/{caseId}/caseworker', at('/caseworker'));
    await send(caseworker, '/cases/{caseId}/assessment-decision', at('/assessment-decision'));
    const { adviceId } = await send(caseworker, '/cases/{caseId}/advice-requests', at('/advice-requests'));
    await send(
      caseworker,
      '/cases/{caseId}/advice-requests/{adviceId}/received',
      at(`/advice-requests/${adviceId}/received`),
    );
    const { exceptionId } = await send(caseworker, '/cases/{caseId}/exceptions', at('/exceptions'));
    await send(
      caseworker,
      '/cases/{caseId}/exceptions/{exceptionId}/end',
      at(`/exceptions/${exceptionId}/end`),
    );
    await send(caseworker, '/cases/{caseId}/plan-decision', at('/plan-decision'));
    await send(caseworker, '/cases/{caseId}/draft-plan', at('/draft-plan'));
    await send(caseworker, '/cases/{caseId}/representations', at('/representations'));
    const { consultationId } = await send(caseworker, '/cases/{caseId}/consultations', at('/consultations'));
    await send(
      caseworker,
      '/cases/{caseId}/consultations/{consultationId}/response',
      at(`/consultations/${consultationId}/response`),
    );
    await send(caseworker, '/cases/{caseId}/final-plan', at('/final-plan'));
    await send(caseworker, '/cases/{caseId}/qa-audits', at('/qa-audits'));
    const { reviewId } = await send(caseworker, '/cases/{caseId}/reviews', at('/reviews'));
    await send(
      caseworker,
      '/cases/{caseId}/reviews/{reviewId}/decision',
      at(`/reviews/${reviewId}/decision`),
    );
    const { noticeId } = await send(
      caseworker,
      '/cases/{caseId}/amendment-notices',
      at('/amendment-notices'),
    );
    await send(
      caseworker,
      '/cases/{caseId}/amendment-notices/{noticeId}/representations',
      at(`/amendment-notices/${noticeId}/representations`),
    );
    await send(caseworker, '/cases/{caseId}/amended-plan', at('/amended-plan'), { noticeId });
    const second = await send(caseworker, '/cases/{caseId}/amendment-notices', at('/amendment-notices'));
    await send(
      caseworker,
      '/cases/{caseId}/amendment-notices/{noticeId}/no-amendment',
      at(`/amendment-notices/${second.noticeId}/no-amendment`),
    );
    await send(caseworker, '/cases/{caseId}/phase-transfers', at('/phase-transfers'));
    const events = (await caseworker.get(at('/events')).expect(200)).body as { type: string }[];
    expect(events).toHaveLength(22);
    expect(events.map((event) => event.type)).toContain('FinalPlanIssued');

    // Closure's example on a fresh case; cessation's on a maintained plan is dated before this one's
    // phase transfer (recorded today), so it is checked on a second case.
    const another = await send(caseworker, '/cases', '/cases');
    await send(caseworker, '/cases/{caseId}/closure', `/cases/${another.caseId}/closure`);
  });
});

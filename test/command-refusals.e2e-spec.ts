import { randomUUID } from 'node:crypto';
import {
  GOOD_SECTIONS,
  given,
  requestBody,
  revisionOf,
  startCommandApi,
  TODAY,
  type Caller,
  type CommandApi,
} from './support/command-api';

/**
 * Every refusal a client can meet: domain refusals (404/409/400 with the domain's code), validation
 * failures (400 VALIDATION_FAILED naming each bad field) and malformed requests. After each, the
 * case's stream is where it was: a refused command appends nothing.
 */

type CaseKey = 'R' | 'A' | 'X' | 'N' | 'D' | 'DI' | 'M' | 'C' | 'Z' | 'E' | 'U';

const STEPS = {
  request: (caseId: string) => ['/cases', requestBody({ caseId })] as const,
  assess: (caseId: string, decision = 'assess') =>
    [`/cases/${caseId}/assessment-decision`, { decision, decidedOn: '2025-02-10' }] as const,
  planDecision: (caseId: string, decision = 'issue') =>
    [`/cases/${caseId}/plan-decision`, { decision, decidedOn: '2025-04-07' }] as const,
  draft: (caseId: string) => [`/cases/${caseId}/draft-plan`, { issuedOn: '2025-04-14' }] as const,
  representations: (caseId: string) =>
    [`/cases/${caseId}/representations`, { receivedOn: '2025-04-20' }] as const,
  finalPlan: (caseId: string) =>
    [
      `/cases/${caseId}/final-plan`,
      { issuedOn: '2025-05-19', placement: { institution: 'Riverside Primary', type: 'mainstream' } },
    ] as const,
};

describe('command refusals', () => {
  let api: CommandApi;
  let caseworker: Caller;
  let qaOfficer: Caller;
  let admin: Caller;
  const ids = {} as Record<CaseKey, string>;

  beforeAll(async () => {
    api = await startCommandApi();
    caseworker = await api.as('caseworker-1', ['caseworker']);
    qaOfficer = await api.as('qa-1', ['qa_officer']);
    admin = await api.as('admin-1', ['admin'], []);
    for (const key of ['R', 'A', 'X', 'N', 'D', 'DI', 'M', 'C', 'Z', 'E', 'U'] as const)
      ids[key] = randomUUID();
    const { R, A, X, N, D, DI, M, C, Z, E } = ids;
    const toMaintained = (id: string) => [
      STEPS.request(id),
      STEPS.assess(id),
      STEPS.planDecision(id),
      STEPS.draft(id),
      STEPS.representations(id),
      STEPS.finalPlan(id),
    ];
    await Promise.all([
      given(caseworker, [STEPS.request(R)]),
      given(caseworker, [
        STEPS.request(A),
        STEPS.assess(A),
        [`/cases/${A}/advice-requests`, { adviceId: 'adv-1', source: 'health', requestedOn: '2025-02-11' }],
        [`/cases/${A}/advice-requests`, { adviceId: 'adv-2', source: 'health', requestedOn: '2025-02-11' }],
        [`/cases/${A}/advice-requests/adv-2/received`, { receivedOn: '2025-02-20' }],
        [
          `/cases/${A}/exceptions`,
          {
            exceptionId: 'exc-1',
            reason: 'absence_from_area',
            startedOn: '2025-02-01',
            endedOn: '2025-02-20',
          },
        ],
        [
          `/cases/${A}/exceptions`,
          { exceptionId: 'exc-2', reason: 'missed_appointment', startedOn: '2025-02-05' },
        ],
      ]),
      given(caseworker, [STEPS.request(X), STEPS.assess(X, 'refuse')]),
      given(caseworker, [STEPS.request(N), STEPS.assess(N), STEPS.planDecision(N, 'not_issue')]),
      given(caseworker, [STEPS.request(D), STEPS.assess(D), STEPS.planDecision(D)]),
      given(caseworker, [
        STEPS.request(DI),
        STEPS.assess(DI),
        STEPS.planDecision(DI),
        STEPS.draft(DI),
        [
          `/cases/${DI}/consultations`,
          { consultationId: 'con-open', institution: 'A School', consultedOn: '2025-04-21' },
        ],
        [
          `/cases/${DI}/consultations`,
          { consultationId: 'con-done', institution: 'B School', consultedOn: '2025-04-21' },
        ],
        [
          `/cases/${DI}/consultations/con-done/response`,
          { receivedOn: '2025-04-25', outcome: 'cannot_meet_needs' },
        ],
      ]),
      given(admin, [
        ...toMaintained(M),
        [
          `/cases/${M}/qa-audits`,
          {
            auditId: 'aud-1',
            planVersion: 'final',
            auditedOn: '2025-06-02',
            auditorRole: 'qa_officer',
            sections: GOOD_SECTIONS,
          },
        ],
        [`/cases/${M}/reviews`, { reviewId: 'rev-1', meetingHeldOn: '2026-05-01' }],
        [`/cases/${M}/reviews/rev-1/decision`, { decision: 'amend', decidedOn: '2026-05-15' }],
        [`/cases/${M}/amendment-notices`, { noticeId: 'not-2', issuedOn: '2026-05-20' }],
        [`/cases/${M}/amendment-notices/not-2/representations`, { receivedOn: '2026-05-28' }],
        [`/cases/${M}/amended-plan`, { noticeId: 'not-2', issuedOn: '2026-07-01' }],
        [`/cases/${M}/amendment-notices`, { noticeId: 'not-1', issuedOn: '2026-09-01' }],
        [`/cases/${M}/reviews`, { reviewId: 'rev-2', meetingHeldOn: '2026-12-01' }],
        [`/cases/${M}/phase-transfers`, { transferId: 'tr-1', kind: 'school_phase', transferYear: 2028 }],
      ]),
      given(caseworker, [
        ...toMaintained(C),
        [`/cases/${C}/cessation`, { ceasedOn: '2025-06-01', reason: 'Moved away' }],
      ]),
      given(caseworker, [
        STEPS.request(Z),
        [`/cases/${Z}/closure`, { closedOn: '2025-01-20', reason: 'request_withdrawn' }],
      ]),
      given(caseworker, [STEPS.request(E)]).then(() => admin.del(`/cases/${E}/personal-data`).expect(200)),
    ]);
  }, 60_000);
  afterAll(() => api.close());

  /** Sends the request, checks status and code, and that the case's revision did not move. */
  async function expectRefusal(
    key: CaseKey,
    send: (
      caseId: string,
    ) => Promise<{ status: number; body: Record<string, unknown>; headers: Record<string, string> }>,
    status: number,
    code: string,
  ): Promise<Record<string, unknown>> {
    const caseId = ids[key];
    const before = await revisionOf(admin, caseId);
    const response = await send(caseId);
    expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: expect.any(String),
      title: expect.any(String),
      status,
      detail: expect.any(String),
    });
    expect(await revisionOf(admin, caseId)).toBe(before);
    return response.body;
  }

  const audit = (planVersion: string, extra: Record<string, unknown> = {}) => ({
    planVersion,
    auditedOn: '2026-12-02',
    auditorRole: 'qa_officer',
    sections: GOOD_SECTIONS,
    ...extra,
  });

  describe.each<[string, CaseKey, string, Record<string, unknown>, number, 'caseworker' | 'qa']>([
    ['CASE_NOT_FOUND', 'U', '/draft-plan', { issuedOn: '2025-04-14' }, 404, 'caseworker'],
    [
      'DATE_BEFORE_REQUEST',
      'R',
      '/caseworker',
      { caseworkerId: 'cw-2', assignedOn: '2025-01-01' },
      409,
      'caseworker',
    ],
    [
      'ADVICE_BEFORE_ASSESSMENT_DECISION',
      'R',
      '/advice-requests',
      { source: 'health', requestedOn: '2025-01-10' },
      409,
      'caseworker',
    ],
    [
      'PLAN_DECISION_BEFORE_ASSESSMENT_DECISION',
      'R',
      '/plan-decision',
      { decision: 'issue', decidedOn: '2025-02-01' },
      409,
      'caseworker',
    ],
    [
      'ASSESSMENT_ALREADY_DECIDED',
      'A',
      '/assessment-decision',
      { decision: 'assess', decidedOn: '2025-03-01' },
      409,
      'caseworker',
    ],
    [
      'ADVICE_ALREADY_EXISTS',
      'A',
      '/advice-requests',
      { adviceId: 'adv-1', source: 'health', requestedOn: '2025-03-01' },
      409,
      'caseworker',
    ],
    [
      'ADVICE_NOT_FOUND',
      'A',
      '/advice-requests/adv-unknown/received',
      { receivedOn: '2025-03-01' },
      404,
      'caseworker',
    ],
    [
      'ADVICE_ALREADY_RECEIVED',
      'A',
      '/advice-requests/adv-2/received',
      { receivedOn: '2025-03-01' },
      409,
      'caseworker',
    ],
    [
      'ADVICE_RECEIVED_BEFORE_REQUEST',
      'A',
      '/advice-requests/adv-1/received',
      { receivedOn: '2025-02-01' },
      409,
      'caseworker',
    ],
    [
      'EXCEPTION_ALREADY_EXISTS',
      'A',
      '/exceptions',
      { exceptionId: 'exc-1', reason: 'absence_from_area', startedOn: '2025-03-01' },
      409,
      'caseworker',
    ],
    ['EXCEPTION_NOT_FOUND', 'A', '/exceptions/exc-unknown/end', { endedOn: '2025-03-01' }, 404, 'caseworker'],
    ['EXCEPTION_ALREADY_ENDED', 'A', '/exceptions/exc-1/end', { endedOn: '2025-03-01' }, 409, 'caseworker'],
    [
      'EXCEPTION_END_BEFORE_START',
      'A',
      '/exceptions/exc-2/end',
      { endedOn: '2025-02-01' },
      409,
      'caseworker',
    ],
    ['DRAFT_BEFORE_PLAN_DECISION', 'A', '/draft-plan', { issuedOn: '2025-03-01' }, 409, 'caseworker'],
    [
      'ASSESSMENT_REFUSED',
      'X',
      '/advice-requests',
      { source: 'health', requestedOn: '2025-03-01' },
      409,
      'caseworker',
    ],
    [
      'REVERSAL_BEFORE_DECISION',
      'X',
      '/assessment-decision',
      { decision: 'assess', decidedOn: '2025-02-05' },
      409,
      'caseworker',
    ],
    ['PLAN_NOT_ISSUED', 'N', '/draft-plan', { issuedOn: '2025-05-01' }, 409, 'caseworker'],
    [
      'PLAN_DECISION_ALREADY_MADE',
      'D',
      '/plan-decision',
      { decision: 'issue', decidedOn: '2025-04-10' },
      409,
      'caseworker',
    ],
    [
      'REPRESENTATIONS_BEFORE_DRAFT',
      'D',
      '/representations',
      { receivedOn: '2025-04-10' },
      409,
      'caseworker',
    ],
    [
      'CONSULTATION_BEFORE_DRAFT',
      'D',
      '/consultations',
      { institution: 'A School', consultedOn: '2025-04-10' },
      409,
      'caseworker',
    ],
    [
      'FINAL_PLAN_BEFORE_DRAFT',
      'D',
      '/final-plan',
      { issuedOn: '2025-05-19', placement: { institution: 'A', type: 'b' } },
      409,
      'caseworker',
    ],
    [
      'QA_AUDIT_BEFORE_DRAFT',
      'D',
      '/qa-audits',
      // A draft never names a placement: section I of its audit is not applicable (DOMAIN.md 2nd ed.).
      audit('draft', { sections: { ...GOOD_SECTIONS, I: 'not_applicable' } }),
      409,
      'qa',
    ],
    ['DRAFT_ALREADY_ISSUED', 'DI', '/draft-plan', { issuedOn: '2025-04-20' }, 409, 'caseworker'],
    [
      'CONSULTATION_ALREADY_EXISTS',
      'DI',
      '/consultations',
      { consultationId: 'con-open', institution: 'C', consultedOn: '2025-04-22' },
      409,
      'caseworker',
    ],
    [
      'CONSULTATION_NOT_FOUND',
      'DI',
      '/consultations/con-unknown/response',
      { receivedOn: '2025-04-30', outcome: 'can_meet_needs' },
      404,
      'caseworker',
    ],
    [
      'CONSULTATION_ALREADY_ANSWERED',
      'DI',
      '/consultations/con-done/response',
      { receivedOn: '2025-04-30', outcome: 'can_meet_needs' },
      409,
      'caseworker',
    ],
    [
      'CONSULTATION_RESPONSE_BEFORE_CONSULTATION',
      'DI',
      '/consultations/con-open/response',
      { receivedOn: '2025-04-20', outcome: 'can_meet_needs' },
      409,
      'caseworker',
    ],
    [
      'FINAL_PLAN_INSIDE_REPRESENTATION_WINDOW',
      'DI',
      '/final-plan',
      { issuedOn: '2025-04-20', placement: { institution: 'A', type: 'b' } },
      409,
      'caseworker',
    ],
    ['QA_AUDIT_BEFORE_FINAL_PLAN', 'DI', '/qa-audits', audit('final'), 409, 'qa'],
    ['REVIEW_BEFORE_FINAL_PLAN', 'DI', '/reviews', { meetingHeldOn: '2025-05-01' }, 409, 'caseworker'],
    [
      'AMENDMENT_NOTICE_BEFORE_FINAL_PLAN',
      'DI',
      '/amendment-notices',
      { issuedOn: '2025-05-01' },
      409,
      'caseworker',
    ],
    [
      'PHASE_TRANSFER_BEFORE_FINAL_PLAN',
      'DI',
      '/phase-transfers',
      { kind: 'school_phase', transferYear: 2028 },
      409,
      'caseworker',
    ],
    [
      'CESSATION_BEFORE_FINAL_PLAN',
      'DI',
      '/cessation',
      { ceasedOn: '2025-05-01', reason: 'Moved away' },
      409,
      'caseworker',
    ],
    [
      'FINAL_PLAN_ALREADY_ISSUED',
      'M',
      '/final-plan',
      { issuedOn: '2026-01-01', placement: { institution: 'A', type: 'b' } },
      409,
      'caseworker',
    ],
    ['AUDIT_ALREADY_EXISTS', 'M', '/qa-audits', audit('final', { auditId: 'aud-1' }), 409, 'qa'],
    [
      'QA_SECTION_GRADE_INVALID',
      'M',
      '/qa-audits',
      audit('final', { sections: { ...GOOD_SECTIONS, B: 'not_applicable' } }),
      400,
      'qa',
    ],
    [
      'REVIEW_ALREADY_EXISTS',
      'M',
      '/reviews',
      { reviewId: 'rev-1', meetingHeldOn: '2026-12-05' },
      409,
      'caseworker',
    ],
    ['REVIEW_BEFORE_PREVIOUS_REVIEW', 'M', '/reviews', { meetingHeldOn: '2026-11-01' }, 409, 'caseworker'],
    [
      'REVIEW_NOT_FOUND',
      'M',
      '/reviews/rev-unknown/decision',
      { decision: 'maintain', decidedOn: '2026-12-10' },
      404,
      'caseworker',
    ],
    [
      'REVIEW_ALREADY_DECIDED',
      'M',
      '/reviews/rev-1/decision',
      { decision: 'maintain', decidedOn: '2026-12-10' },
      409,
      'caseworker',
    ],
    [
      'REVIEW_DECISION_BEFORE_MEETING',
      'M',
      '/reviews/rev-2/decision',
      { decision: 'maintain', decidedOn: '2026-11-15' },
      409,
      'caseworker',
    ],
    [
      'NOTICE_ALREADY_EXISTS',
      'M',
      '/amendment-notices',
      { noticeId: 'not-1', issuedOn: '2026-10-01' },
      409,
      'caseworker',
    ],
    [
      'NOTICE_NOT_FOUND',
      'M',
      '/amendment-notices/not-unknown/representations',
      { receivedOn: '2026-10-01' },
      404,
      'caseworker',
    ],
    [
      'NOTICE_ALREADY_CLOSED',
      'M',
      '/amended-plan',
      { noticeId: 'not-2', issuedOn: '2026-10-01' },
      409,
      'caseworker',
    ],
    [
      'AMENDMENT_REPRESENTATIONS_BEFORE_NOTICE',
      'M',
      '/amendment-notices/not-1/representations',
      { receivedOn: '2026-08-01' },
      409,
      'caseworker',
    ],
    [
      'NO_AMENDMENT_BEFORE_NOTICE',
      'M',
      '/amendment-notices/not-1/no-amendment',
      { decidedOn: '2026-08-01' },
      409,
      'caseworker',
    ],
    [
      'AMENDED_PLAN_BEFORE_NOTICE',
      'M',
      '/amended-plan',
      { noticeId: 'not-1', issuedOn: '2026-08-01' },
      409,
      'caseworker',
    ],
    [
      'AMENDED_PLAN_INSIDE_REPRESENTATION_WINDOW',
      'M',
      '/amended-plan',
      { noticeId: 'not-1', issuedOn: '2026-09-05' },
      409,
      'caseworker',
    ],
    [
      'PHASE_TRANSFER_ALREADY_EXISTS',
      'M',
      '/phase-transfers',
      { transferId: 'tr-1', kind: 'post16', transferYear: 2030 },
      409,
      'caseworker',
    ],
    [
      'INVALID_TRANSFER_YEAR',
      'M',
      '/phase-transfers',
      { kind: 'school_phase', transferYear: 2060 },
      400,
      'caseworker',
    ],
    [
      'DATE_BEFORE_LAST_FACT',
      'M',
      '/closure',
      { closedOn: '2026-06-01', reason: 'other' },
      409,
      'caseworker',
    ],
    ['PLAN_CEASED', 'C', '/reviews', { meetingHeldOn: '2025-07-01' }, 409, 'caseworker'],
    ['QA_AUDIT_BEFORE_AMENDED_PLAN', 'C', '/qa-audits', audit('amended'), 409, 'qa'],
    [
      'CASE_CLOSED',
      'Z',
      '/assessment-decision',
      { decision: 'assess', decidedOn: '2025-02-10' },
      409,
      'caseworker',
    ],
  ])('%s', (code, key, path, body, status, role) => {
    it(`POST ${path} on case ${key} -> ${status}`, async () => {
      const caller = role === 'qa' ? qaOfficer : caseworker;
      const problem = await expectRefusal(
        key,
        (caseId) => caller.post(`/cases/${caseId}${path}`, body),
        status,
        code,
      );
      // Every 400 names the bad field.
      if (status === 400)
        expect(problem.errors).toEqual([
          { field: expect.stringMatching(/^(transferYear|sections\.B)$/), message: expect.any(String) },
        ]);
    });
  });

  it('CASE_ALREADY_EXISTS: POST /cases with a taken caseId -> 409', async () => {
    await expectRefusal(
      'R',
      (caseId) => caseworker.post('/cases', requestBody({ caseId })),
      409,
      'CASE_ALREADY_EXISTS',
    );
  });

  it('PERSONAL_DATA_ALREADY_ERASED: a second erasure -> 409', async () => {
    await expectRefusal(
      'E',
      (caseId) => admin.del(`/cases/${caseId}/personal-data`),
      409,
      'PERSONAL_DATA_ALREADY_ERASED',
    );
  });

  it('erasure of an unknown case -> 404 CASE_NOT_FOUND, and no key is touched', async () => {
    await expectRefusal('U', (caseId) => admin.del(`/cases/${caseId}/personal-data`), 404, 'CASE_NOT_FOUND');
  });

  it('GET events of an unknown case -> 404 CASE_NOT_FOUND', async () => {
    const response = await caseworker.get(`/cases/${ids.U}/events`).expect(404);
    expect(response.body.code).toBe('CASE_NOT_FOUND');
  });

  describe('validation failures: 400 VALIDATION_FAILED naming every bad field', () => {
    const long = (n: number) => 'x'.repeat(n);
    const valid = requestBody();
    const child = valid.child as Record<string, unknown>;

    it.each<[string, CaseKey, string, unknown, string[]]>([
      ['POST /cases with an empty body', 'U', '', {}, ['team', 'requestReceivedOn', 'requestedBy', 'child']],
      [
        'unknown fields, top-level and nested',
        'U',
        '',
        { ...valid, extra: 1, child: { ...child, middleName: 'Jo' } },
        ['extra', 'child.middleName'],
      ],
      [
        'wrong types',
        'U',
        '',
        { ...valid, team: 42, requestReceivedOn: 20250106, child: 'Amelia' },
        ['team', 'requestReceivedOn', 'child'],
      ],
      ['a child given as an array', 'U', '', { ...valid, child: [child] }, ['child']],
      ['a bad enum value', 'U', '', { ...valid, requestedBy: 'grandparent' }, ['requestedBy']],
      [
        'impossible dates',
        'U',
        '',
        { ...valid, requestReceivedOn: '2025-02-30', child: { ...child, dateOfBirth: '2016-13-01' } },
        ['requestReceivedOn', 'child.dateOfBirth'],
      ],
      [
        'malformed dates',
        'U',
        '',
        { ...valid, requestReceivedOn: '06/01/2025', child: { ...child, dateOfBirth: '2016-4-12' } },
        ['requestReceivedOn', 'child.dateOfBirth'],
      ],
      [
        'dates after today (Europe/London)',
        'U',
        '',
        { ...valid, requestReceivedOn: '2027-03-02', child: { ...child, dateOfBirth: '2030-01-01' } },
        ['requestReceivedOn', 'child.dateOfBirth'],
      ],
      [
        'over-long strings',
        'U',
        '',
        {
          ...valid,
          reference: long(101),
          caseworkerId: long(201),
          child: { ...child, firstName: long(201) },
        },
        ['reference', 'caseworkerId', 'child.firstName'],
      ],
      [
        'blank and null required strings',
        'U',
        '',
        { ...valid, team: null, child: { ...child, lastName: '   ' } },
        ['team', 'child.lastName'],
      ],
      [
        'a caseId that is not a UUID, a bad team code',
        'U',
        '',
        { ...valid, caseId: 'case-1', team: 'north team!' },
        ['caseId', 'team'],
      ],
      [
        'assessment decision: bad enum, date missing',
        'R',
        '/assessment-decision',
        { decision: 'maybe' },
        ['decision', 'decidedOn'],
      ],
      [
        'advice request: bad id, bad source',
        'A',
        '/advice-requests',
        { adviceId: 'has space', source: 'astrology', requestedOn: '2025-03-01' },
        ['adviceId', 'source'],
      ],
      [
        'exception: bad reason, future end, long note',
        'A',
        '/exceptions',
        { reason: 'holiday', startedOn: '2025-03-01', endedOn: '2027-04-01', note: long(2001) },
        ['reason', 'endedOn', 'note'],
      ],
      [
        'consultation: over-long institution',
        'DI',
        '/consultations',
        { institution: long(201), consultedOn: '2025-04-22' },
        ['institution'],
      ],
      [
        'consultation response: bad outcome',
        'DI',
        '/consultations/con-open/response',
        { receivedOn: '2025-04-30', outcome: 'maybe' },
        ['outcome'],
      ],
      ['final plan: placement missing', 'DI', '/final-plan', { issuedOn: '2025-05-19' }, ['placement']],
      [
        'final plan: placement incomplete, with an extra field',
        'DI',
        '/final-plan',
        { issuedOn: '2025-05-19', placement: { type: 'mainstream', address: 'x' } },
        ['placement.address', 'placement.institution'],
      ],
      [
        'review: 29 February of a common year',
        'M',
        '/reviews',
        { meetingHeldOn: '2026-02-29' },
        ['meetingHeldOn'],
      ],
      ['amended plan: noticeId missing', 'M', '/amended-plan', { issuedOn: '2026-10-01' }, ['noticeId']],
      [
        'phase transfer: year as a string, bad kind',
        'M',
        '/phase-transfers',
        { kind: 'university', transferYear: '2028' },
        ['kind', 'transferYear'],
      ],
      [
        'phase transfer: a fractional year',
        'M',
        '/phase-transfers',
        { kind: 'post16', transferYear: 2028.5 },
        ['transferYear'],
      ],
      ['cessation: reason missing', 'M', '/cessation', { ceasedOn: TODAY }, ['reason']],
      ['cessation: over-long reason', 'M', '/cessation', { ceasedOn: TODAY, reason: long(2001) }, ['reason']],
      ['closure: bad reason', 'R', '/closure', { closedOn: '2025-02-01', reason: 'bored' }, ['reason']],
      [
        'representations: over-long institution',
        'DI',
        '/representations',
        { receivedOn: '2025-04-20', requestedInstitution: long(201) },
        ['requestedInstitution'],
      ],
    ])('%s', async (_title, key, path, body, fields) => {
      const problem = await expectRefusal(
        key,
        (caseId) => caseworker.post(path === '' ? '/cases' : `/cases/${caseId}${path}`, body),
        400,
        'VALIDATION_FAILED',
      );
      const errors = problem.errors as { field: string; message: string }[];
      expect(errors.map((error) => error.field).sort()).toEqual([...fields].sort());
      for (const error of errors) expect(error.message).toEqual(expect.any(String));
    });

    it('QA audit: a missing section, an unknown one, a bad grade, a bad version, over-long actions', async () => {
      const { H2: _omitted, ...sections } = GOOD_SECTIONS;
      const problem = await expectRefusal(
        'M',
        (caseId) =>
          qaOfficer.post(`/cases/${caseId}/qa-audits`, {
            ...audit('latest'),
            sections: { ...sections, A: 'excellent', X: 'good' },
            actions: long(2001),
          }),
        400,
        'VALIDATION_FAILED',
      );
      expect((problem.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(
        ['actions', 'planVersion', 'sections.A', 'sections.H2', 'sections.X'].sort(),
      );
    });

    it('path parameters: a caseId that is not a UUID, a sub-resource id with a colon', async () => {
      const badCase = await caseworker
        .post('/cases/not-a-uuid/draft-plan', { issuedOn: '2025-04-14' })
        .expect(400);
      expect(badCase.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'caseId' }] });
      await expectRefusal(
        'A',
        (caseId) =>
          caseworker.post(`/cases/${caseId}/advice-requests/adv:1/received`, { receivedOn: '2025-03-01' }),
        400,
        'VALIDATION_FAILED',
      );
    });

    it.each([['abc'], ['3'], ['W/"3"'], ['"3", "4"']])(
      'If-Match %s -> 400 naming If-Match',
      async (ifMatch) => {
        const problem = await expectRefusal(
          'R',
          (caseId) =>
            caseworker.post(
              `/cases/${caseId}/caseworker`,
              { caseworkerId: 'cw', assignedOn: '2025-01-07' },
              { 'If-Match': ifMatch },
            ),
          400,
          'VALIDATION_FAILED',
        );
        expect(problem.errors).toEqual([{ field: 'If-Match', message: expect.any(String) }]);
      },
    );

    it.each([[''], ['k'.repeat(201)]])('Idempotency-Key of %#: 0 or 201 characters -> 400', async (key) => {
      const problem = await expectRefusal(
        'R',
        (caseId) =>
          caseworker.post(
            `/cases/${caseId}/caseworker`,
            { caseworkerId: 'cw', assignedOn: '2025-01-07' },
            { 'Idempotency-Key': key },
          ),
        400,
        'VALIDATION_FAILED',
      );
      expect(problem.errors).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
    });
  });

  describe('malformed requests', () => {
    it('malformed JSON -> 400 MALFORMED_JSON', async () => {
      await expectRefusal(
        'R',
        (caseId) =>
          caseworker
            .post(`/cases/${caseId}/draft-plan`)
            .set('content-type', 'application/json')
            .send('{"issuedOn": '),
        400,
        'MALFORMED_JSON',
      );
    });

    it('a JSON array or scalar body -> 400', async () => {
      for (const body of ['[]', '"2025-04-14"', 'null']) {
        const response = await caseworker
          .post(`/cases/${ids.D}/draft-plan`)
          .set('content-type', 'application/json')
          .send(body);
        expect(response.status).toBe(400);
        expect(['MALFORMED_JSON', 'VALIDATION_FAILED']).toContain(response.body.code);
      }
      expect(await revisionOf(admin, ids.D)).toBe(2);
    });

    it('a body over 64 kB -> 413 PAYLOAD_TOO_LARGE', async () => {
      await expectRefusal(
        'R',
        (caseId) =>
          caseworker.post(`/cases/${caseId}/cessation`, { ceasedOn: TODAY, reason: 'x'.repeat(70_000) }),
        413,
        'PAYLOAD_TOO_LARGE',
      );
    });

    it('a body that is not JSON -> 400 UNSUPPORTED_MEDIA_TYPE', async () => {
      await expectRefusal(
        'R',
        (caseId) =>
          caseworker
            .post(`/cases/${caseId}/draft-plan`)
            .set('content-type', 'text/plain')
            .send('issuedOn=2025-04-14'),
        400,
        'UNSUPPORTED_MEDIA_TYPE',
      );
    });

    it('an unknown route -> 404 NOT_FOUND problem', async () => {
      const response = await caseworker.post(`/cases/${ids.R}/teleport`, {}).expect(404);
      expect(response.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  it('no hostile body makes any command answer 5xx', async () => {
    const paths = [
      '',
      '/caseworker',
      '/assessment-decision',
      '/advice-requests',
      '/advice-requests/adv-1/received',
      '/exceptions',
      '/exceptions/exc-2/end',
      '/plan-decision',
      '/draft-plan',
      '/representations',
      '/consultations',
      '/consultations/con-open/response',
      '/final-plan',
      '/reviews',
      '/reviews/rev-2/decision',
      '/amendment-notices',
      '/amendment-notices/not-1/representations',
      '/amended-plan',
      '/phase-transfers',
      '/cessation',
      '/closure',
      '/qa-audits',
    ];
    const bodies: unknown[] = [
      { __proto__: { team: 'north' }, constructor: { prototype: { admin: true } } },
      { placement: [[[]]], sections: 'A', child: { dateOfBirth: { $gt: '' } } },
      { issuedOn: 1e308, decidedOn: true, transferYear: -1, reason: ['a'] },
      { requestReceivedOn: '9999-12-31', issuedOn: '0000-01-01', meetingHeldOn: '2025-02-29T00:00:00Z' },
    ];
    const before = await revisionOf(admin, ids.M);
    const statuses = new Set<number>();
    for (const path of paths)
      for (const body of bodies) {
        const url = path === '' ? '/cases' : `/cases/${ids.M}${path}`;
        statuses.add((await admin.post(url, body)).status);
      }
    expect([...statuses].every((status) => status >= 400 && status < 500)).toBe(true);
    expect(await revisionOf(admin, ids.M)).toBe(before);
  });
});

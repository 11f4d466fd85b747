import { randomUUID } from 'node:crypto';
import {
  GOOD_SECTIONS,
  requestBody,
  startCommandApi,
  TODAY,
  type Caller,
  type CommandApi,
} from './support/command-api';

interface HistoryEntry {
  revision: number;
  type: string;
  recordedAt: string;
  data: Record<string, unknown>;
  metadata: { userId: string; correlationId: string };
}

/**
 * One case from request to cessation over HTTP, each step checked in GET /cases/{caseId}/events:
 * the event type, its data, the revision the command reported, and who did it.
 */
describe('a case through its whole lifecycle', () => {
  let api: CommandApi;
  let caseworker: Caller;
  let qaOfficer: Caller;
  let admin: Caller;
  const caseId = randomUUID();
  let revision = -1;

  beforeAll(async () => {
    api = await startCommandApi();
    caseworker = await api.as('caseworker-7', ['caseworker']);
    qaOfficer = await api.as('qa-officer-2', ['qa_officer']);
    admin = await api.as('admin-1', ['admin'], []);
  }, 60_000);
  afterAll(() => api.close());

  async function history(): Promise<HistoryEntry[]> {
    const response = await caseworker.get(`/cases/${caseId}/events`).expect(200);
    return response.body as HistoryEntry[];
  }

  /** Sends a command, then finds exactly one new event of `type` carrying `data` at the reported revision. */
  async function step(
    caller: Caller,
    userId: string,
    path: string,
    body: Record<string, unknown>,
    status: 200 | 201,
    type: string,
    data: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const correlationId = `lifecycle-${type}-${revision + 1}`;
    const response = await caller
      .post(`/cases/${caseId}${path}`, body, { 'x-correlation-id': correlationId })
      .expect(status);
    expect(response.body).toMatchObject({ caseId, revision: revision + 1, position: expect.any(String) });
    expect(response.headers.etag).toBe(`"${revision + 1}"`);
    revision += 1;
    const events = await history();
    expect(events).toHaveLength(revision + 1);
    expect(events.map((event) => event.revision)).toEqual(events.map((_, index) => index));
    const last = events[revision];
    expect(last).toMatchObject({ revision, type, data, metadata: { userId, correlationId } });
    expect(Date.parse(last.recordedAt)).not.toBeNaN();
    return response.body as Record<string, unknown>;
  }

  const post = (path: string, body: Record<string, unknown>, type: string, data: Record<string, unknown>) =>
    step(caseworker, 'caseworker-7', path, body, 200, type, data);
  const create = (path: string, body: Record<string, unknown>, type: string, data: Record<string, unknown>) =>
    step(caseworker, 'caseworker-7', path, body, 201, type, data);

  it('request received: POST /cases opens the stream with the child encrypted at rest', async () => {
    const body = requestBody({ caseId, reference: 'EHC-2025-0042' });
    const response = await caseworker
      .post('/cases', body, { 'x-correlation-id': 'lifecycle-open' })
      .expect(201);
    expect(response.body).toEqual({ caseId, revision: 0, position: expect.any(String) });
    expect(response.headers.etag).toBe('"0"');
    revision = 0;
    const [opened] = await history();
    expect(opened).toMatchObject({
      revision: 0,
      type: 'RequestReceived',
      data: {
        caseId,
        reference: 'EHC-2025-0042',
        team: 'north',
        requestReceivedOn: '2025-01-06',
        requestedBy: 'parent',
        caseworkerId: null,
        personal: { firstName: 'Amelia', lastName: 'Khan', dateOfBirth: '2016-04-12' },
      },
      metadata: { userId: 'caseworker-7', correlationId: 'lifecycle-open' },
    });
  });

  it('caseworker assigned', async () => {
    await post(
      '/caseworker',
      { caseworkerId: 'caseworker-7', assignedOn: '2025-01-07' },
      'CaseworkerAssigned',
      { caseworkerId: 'caseworker-7', assignedOn: '2025-01-07' },
    );
  });

  it('decision to assess', async () => {
    await post(
      '/assessment-decision',
      { decision: 'assess', decidedOn: '2025-02-10' },
      'AssessmentDecisionMade',
      { decision: 'assess', decidedOn: '2025-02-10' },
    );
  });

  it('advice requested (id generated) and received', async () => {
    const { adviceId } = await create(
      '/advice-requests',
      { source: 'educational_psychology', requestedOn: '2025-02-11' },
      'AdviceRequested',
      { source: 'educational_psychology', requestedOn: '2025-02-11' },
    );
    expect(adviceId).toEqual(expect.any(String));
    const events = await history();
    expect(events[revision].data.adviceId).toBe(adviceId);
    await post(`/advice-requests/${adviceId}/received`, { receivedOn: '2025-03-10' }, 'AdviceReceived', {
      adviceId,
      receivedOn: '2025-03-10',
    });
  });

  it('a timescale exception recorded (client-chosen id) and ended', async () => {
    const { exceptionId } = await create(
      '/exceptions',
      {
        exceptionId: 'exc-bereavement',
        reason: 'exceptional_personal_circumstances',
        startedOn: '2025-03-01',
        note: 'Family bereavement',
      },
      'TimescaleExceptionRecorded',
      {
        exceptionId: 'exc-bereavement',
        reason: 'exceptional_personal_circumstances',
        startedOn: '2025-03-01',
        endedOn: null,
        note: 'Family bereavement',
      },
    );
    expect(exceptionId).toBe('exc-bereavement');
    await post('/exceptions/exc-bereavement/end', { endedOn: '2025-03-20' }, 'TimescaleExceptionEnded', {
      exceptionId: 'exc-bereavement',
      endedOn: '2025-03-20',
    });
  });

  it('decision to issue a plan, draft served, representations received', async () => {
    await post('/plan-decision', { decision: 'issue', decidedOn: '2025-04-07' }, 'PlanDecisionMade', {
      decision: 'issue',
      decidedOn: '2025-04-07',
    });
    await post('/draft-plan', { issuedOn: '2025-04-14' }, 'DraftPlanIssued', { issuedOn: '2025-04-14' });
    await post(
      '/representations',
      { receivedOn: '2025-04-20', requestedInstitution: 'Riverside Primary School' },
      'RepresentationsReceived',
      { receivedOn: '2025-04-20', requestedInstitution: 'Riverside Primary School' },
    );
  });

  it('an institution consulted and its response', async () => {
    const { consultationId } = await create(
      '/consultations',
      { institution: 'Riverside Primary School', consultedOn: '2025-04-21' },
      'InstitutionConsulted',
      { institution: 'Riverside Primary School', consultedOn: '2025-04-21' },
    );
    await post(
      `/consultations/${consultationId}/response`,
      { receivedOn: '2025-05-01', outcome: 'can_meet_needs' },
      'ConsultationResponseReceived',
      { consultationId, receivedOn: '2025-05-01', outcome: 'can_meet_needs' },
    );
  });

  it('final plan issued naming the placement', async () => {
    const placement = { institution: 'Riverside Primary School', type: 'mainstream' };
    await post('/final-plan', { issuedOn: '2025-05-19', placement }, 'FinalPlanIssued', {
      issuedOn: '2025-05-19',
      placement,
    });
  });

  it('a QA audit by a QA officer, with the overall grade derived', async () => {
    const sections = { ...GOOD_SECTIONS, E: 'requires_improvement', I: 'outstanding' };
    const response = await step(
      qaOfficer,
      'qa-officer-2',
      '/qa-audits',
      {
        planVersion: 'final',
        auditedOn: '2025-06-02',
        auditorRole: 'qa_officer',
        sections,
        actions: 'Make outcomes in section E measurable.',
      },
      201,
      'QaAuditRecorded',
      {
        planVersion: 'final',
        auditedOn: '2025-06-02',
        auditorRole: 'qa_officer',
        sections,
        overallGrade: 'good',
      },
    );
    expect(response).toMatchObject({ auditId: expect.any(String), overallGrade: 'good' });
  });

  it('first annual review: meeting, decision to amend, notice, representations, amended plan', async () => {
    const { reviewId } = await create('/reviews', { meetingHeldOn: '2026-05-01' }, 'ReviewMeetingHeld', {
      meetingHeldOn: '2026-05-01',
    });
    await post(
      `/reviews/${reviewId}/decision`,
      { decision: 'amend', decidedOn: '2026-05-15' },
      'ReviewDecisionMade',
      { reviewId, decision: 'amend', decidedOn: '2026-05-15' },
    );
    const { noticeId } = await create(
      '/amendment-notices',
      { issuedOn: '2026-05-20' },
      'AmendmentNoticeIssued',
      {
        issuedOn: '2026-05-20',
      },
    );
    await post(
      `/amendment-notices/${noticeId}/representations`,
      { receivedOn: '2026-05-28' },
      'AmendmentRepresentationsReceived',
      { noticeId, receivedOn: '2026-05-28' },
    );
    const placement = {
      institution: 'Riverside Primary School',
      type: 'mainstream with resourced provision',
    };
    await post('/amended-plan', { noticeId, issuedOn: '2026-07-01', placement }, 'AmendedPlanIssued', {
      noticeId,
      issuedOn: '2026-07-01',
      placement,
    });
  });

  it('a further amendment notice, then a decision not to amend after all (reg 22(4))', async () => {
    const { noticeId } = await create(
      '/amendment-notices',
      { issuedOn: '2026-07-10' },
      'AmendmentNoticeIssued',
      { issuedOn: '2026-07-10' },
    );
    await post(
      `/amendment-notices/${noticeId}/no-amendment`,
      { decidedOn: '2026-07-20' },
      'NoAmendmentDecided',
      { noticeId, decidedOn: '2026-07-20' },
    );
    const refused = await caseworker
      .post(`/cases/${caseId}/amended-plan`, { noticeId, issuedOn: '2026-08-01' })
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'NOTICE_ALREADY_CLOSED' });
  });

  it('second annual review: meeting and decision to maintain', async () => {
    const { reviewId } = await create('/reviews', { meetingHeldOn: '2027-01-10' }, 'ReviewMeetingHeld', {
      meetingHeldOn: '2027-01-10',
    });
    await post(
      `/reviews/${reviewId}/decision`,
      { decision: 'maintain', decidedOn: '2027-01-20' },
      'ReviewDecisionMade',
      { reviewId, decision: 'maintain', decidedOn: '2027-01-20' },
    );
  });

  it('a phase transfer planned (its clock starts today)', async () => {
    await create('/phase-transfers', { kind: 'school_phase', transferYear: 2028 }, 'PhaseTransferPlanned', {
      kind: 'school_phase',
      transferYear: 2028,
      plannedOn: TODAY,
    });
  });

  it('the plan ceases', async () => {
    await post(
      '/cessation',
      { ceasedOn: TODAY, reason: 'Moved to a college outside the area' },
      'PlanCeased',
      { ceasedOn: TODAY, reason: 'Moved to a college outside the area' },
    );
  });

  it("an admin erases the child's personal data: the history keeps every fact but the names", async () => {
    const response = await admin.del(`/cases/${caseId}/personal-data`).expect(200);
    expect(response.body).toEqual({ caseId, revision: revision + 1, position: expect.any(String) });
    revision += 1;
    const events = await history();
    expect(events[revision]).toMatchObject({
      type: 'PersonalDataErased',
      data: { erasedOn: TODAY },
      metadata: { userId: 'admin-1' },
    });
    expect(events[0].data).toMatchObject({ personal: null, team: 'north', requestReceivedOn: '2025-01-06' });
    expect(events.map((event) => event.type)).toEqual([
      'RequestReceived',
      'CaseworkerAssigned',
      'AssessmentDecisionMade',
      'AdviceRequested',
      'AdviceReceived',
      'TimescaleExceptionRecorded',
      'TimescaleExceptionEnded',
      'PlanDecisionMade',
      'DraftPlanIssued',
      'RepresentationsReceived',
      'InstitutionConsulted',
      'ConsultationResponseReceived',
      'FinalPlanIssued',
      'QaAuditRecorded',
      'ReviewMeetingHeld',
      'ReviewDecisionMade',
      'AmendmentNoticeIssued',
      'AmendmentRepresentationsReceived',
      'AmendedPlanIssued',
      'AmendmentNoticeIssued',
      'NoAmendmentDecided',
      'ReviewMeetingHeld',
      'ReviewDecisionMade',
      'PhaseTransferPlanned',
      'PlanCeased',
      'PersonalDataErased',
    ]);
  });

  it('counts what it did in /metrics', async () => {
    const metrics = await api.anonymous().get('/metrics').expect(200);
    expect(metrics.text).toContain('ehcp_api_commands_total{command="IssueFinalPlan",outcome="accepted"} 1');
    expect(metrics.text).toContain('ehcp_api_events_appended_total{type="ReviewMeetingHeld"} 2');
    expect(metrics.text).toMatch(
      /ehcp_api_http_request_duration_seconds_count\{method="POST",route="\/cases",status="201"\} 1/,
    );
  });
});

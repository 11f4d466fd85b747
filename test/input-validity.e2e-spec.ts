import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { Response } from 'supertest';
import {
  GOOD_SECTIONS,
  given,
  requestBody,
  revisionOf,
  startCommandApi,
  type Caller,
  type CommandApi,
} from './support/command-api';
import { startInProcessProjector } from './support/in-process-projector';

/**
 * Issue 14, item 3 and DOMAIN.md (2nd ed.) change 9: input that no real case can have is refused
 * with a 400 naming the field, and nothing is appended. The api runs with TEAMS set (north and
 * south) on a throwaway PostgreSQL database, its clock stopped at 2027-03-01; the projector follows
 * in-process, so that what is accepted is seen to reach its team's views.
 */
jest.setTimeout(60_000);

const TEAMS = 'north=North team,south=South team';
/** A draft never names a placement (CFA 2014 s38(5)): section I of its audit does not apply. */
const DRAFT_SECTIONS = { ...GOOD_SECTIONS, I: 'not_applicable' };

describe('input that no real case can have', () => {
  let api: CommandApi;
  let projector: INestApplication;
  let caseworker: Caller;
  let qaOfficer: Caller;
  let admin: Caller;
  let northManager: Caller;
  const drafted = randomUUID();
  const finalised = randomUUID();

  beforeAll(async () => {
    api = await startCommandApi({ TEAMS });
    projector = await startInProcessProjector(api.config);
    caseworker = await api.as('cw-1', ['caseworker'], ['north', 'south']);
    qaOfficer = await api.as('qa-1', ['qa_officer'], ['north']);
    admin = await api.as('admin-1', ['admin'], []);
    northManager = await api.as('manager-north', ['manager'], ['north']);
    const toDraft = (caseId: string) =>
      [
        ['/cases', requestBody({ caseId })],
        [`/cases/${caseId}/assessment-decision`, { decision: 'assess', decidedOn: '2025-02-10' }],
        [`/cases/${caseId}/plan-decision`, { decision: 'issue', decidedOn: '2025-04-07' }],
        [`/cases/${caseId}/draft-plan`, { issuedOn: '2025-04-14' }],
      ] as const;
    await given(caseworker, toDraft(drafted));
    await given(caseworker, [
      ...toDraft(finalised),
      [`/cases/${finalised}/representations`, { receivedOn: '2025-04-20' }],
      [
        `/cases/${finalised}/final-plan`,
        { issuedOn: '2025-05-19', placement: { institution: 'Riverside Primary', type: 'mainstream' } },
      ],
    ]);
  }, 90_000);

  afterAll(async () => {
    await projector?.close();
    await api?.close();
  });

  function expectProblem(response: Response, status: number, code: string, field?: string): void {
    expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    if (field !== undefined)
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  }

  describe("the child's date of birth", () => {
    const child = (dateOfBirth: string) => ({ firstName: 'Amelia', lastName: 'Khan', dateOfBirth });
    const open = (caseId: string, dateOfBirth: string) =>
      caseworker.post(
        '/cases',
        requestBody({ caseId, requestReceivedOn: '2025-09-01', child: child(dateOfBirth) }),
      );

    it('after the request (2026-11-30 for a request of 2025-09-01) -> 400 naming child.dateOfBirth, nothing appended', async () => {
      const caseId = randomUUID();
      const response = await open(caseId, '2026-11-30');
      expectProblem(response, 400, 'INVALID_DATE', 'child.dateOfBirth');
      // Personal data: the refusal never echoes it.
      expect(JSON.stringify(response.body)).not.toContain('2026-11-30');
      expect(await revisionOf(admin, caseId)).toBe(-1);
    });

    it('26 years before the request -> 400 naming child.dateOfBirth; exactly 25 years before -> 201', async () => {
      const caseId = randomUUID();
      expectProblem(await open(caseId, '1999-09-01'), 400, 'INVALID_DATE', 'child.dateOfBirth');
      expect(await revisionOf(admin, caseId)).toBe(-1);
      expect((await open(caseId, '2000-09-01')).status).toBe(201);
    });

    it('on the day of the request -> 201', async () => {
      expect((await open(randomUUID(), '2025-09-01')).status).toBe(201);
    });
  });

  describe('team codes (TEAMS=north=North team,south=South team)', () => {
    it('a case for team "nroth" (a typo) -> 400 naming team, nothing appended', async () => {
      const caseId = randomUUID();
      const response = await caseworker.post('/cases', requestBody({ caseId, team: 'nroth' }));
      expectProblem(response, 400, 'VALIDATION_FAILED', 'team');
      expect(await revisionOf(admin, caseId)).toBe(-1);
    });

    it("a case for a listed team is accepted and shows in that team's work tray", async () => {
      const caseId = randomUUID();
      const { body } = await caseworker.post('/cases', requestBody({ caseId, team: 'south' })).expect(201);
      const southManager = await api.as('manager-south', ['manager'], ['south']);
      const tray = await southManager.get(`/cases?team=south&minPosition=${body.position}`).expect(200);
      expect(tray.body.items.map((item: { caseId: string }) => item.caseId)).toContain(caseId);
    });

    it.each([
      '/timeliness/sen2?team=nroth',
      '/timeliness/monthly?team=nroth',
      '/qa/summary?team=nroth',
      '/cases?team=nroth',
      '/deadlines?team=nroth',
    ])('GET %s -> 400 naming team, not empty zeros', async (path) => {
      expectProblem(await northManager.get(path), 400, 'VALIDATION_FAILED', 'team');
      expectProblem(await admin.get(path), 400, 'VALIDATION_FAILED', 'team');
    });

    it('an unknown team is a 400 before any 403; a listed team of others is a 403', async () => {
      const noTeams = await api.as('manager-none', ['manager'], []);
      expectProblem(await noTeams.get('/timeliness/sen2?team=nroth'), 400, 'VALIDATION_FAILED', 'team');
      expectProblem(await northManager.get('/timeliness/sen2?team=south'), 403, 'FORBIDDEN_TEAM');
      const northCaseworker = await api.as('cw-north', ['caseworker'], ['north']);
      expectProblem(
        await northCaseworker.post('/cases', requestBody({ team: 'nroth' })),
        400,
        'VALIDATION_FAILED',
        'team',
      );
      expectProblem(
        await northCaseworker.post('/cases', requestBody({ team: 'south' })),
        403,
        'FORBIDDEN_TEAM',
      );
    });

    it('(2nd ed.) POST /cases/transfers-in: an unknown team is a 400 before any 403, another team a 403; nothing appended', async () => {
      const transfer = (caseId: string, team: string) => ({
        caseId,
        team,
        transferredOn: '2026-03-02',
        fromAuthority: 'Oxfordshire County Council',
        planMadeOn: '2024-06-14',
        placement: { institution: 'Riverside Primary', type: 'mainstream' },
        child: { firstName: 'Amelia', lastName: 'Khan', dateOfBirth: '2016-04-12' },
      });
      const northCaseworker = await api.as('cw-north', ['caseworker'], ['north']);
      const noTeams = await api.as('cw-none', ['caseworker'], []);
      const [typo, others] = [randomUUID(), randomUUID()];
      expectProblem(
        await northCaseworker.post('/cases/transfers-in', transfer(typo, 'nroth')),
        400,
        'VALIDATION_FAILED',
        'team',
      );
      expectProblem(
        await noTeams.post('/cases/transfers-in', transfer(typo, 'nroth')),
        400,
        'VALIDATION_FAILED',
        'team',
      );
      expectProblem(
        await northCaseworker.post('/cases/transfers-in', transfer(others, 'south')),
        403,
        'FORBIDDEN_TEAM',
      );
      expect(await revisionOf(admin, typo)).toBe(-1);
      expect(await revisionOf(admin, others)).toBe(-1);
    });

    it('(2nd ed.) the transfer notice takes a JSON boolean, not the string "true": 400 naming proposesAssessment', async () => {
      const before = await revisionOf(admin, finalised);
      expectProblem(
        await caseworker.post(`/cases/${finalised}/transfer-notice`, {
          issuedOn: '2025-06-01',
          proposesAssessment: 'true',
        }),
        400,
        'VALIDATION_FAILED',
        'proposesAssessment',
      );
      expect(await revisionOf(admin, finalised)).toBe(before);
    });

    it("GET /teams gives the caller's teams with their display names (admin: all)", async () => {
      expect((await northManager.get('/teams').expect(200)).body).toEqual([
        { code: 'north', name: 'North team' },
      ]);
      expect((await admin.get('/teams').expect(200)).body).toEqual([
        { code: 'north', name: 'North team' },
        { code: 'south', name: 'South team' },
      ]);
    });
  });

  describe('a token with no teams', () => {
    it.each([
      ['manager', ['manager'] as const],
      ['caseworker', ['caseworker'] as const],
    ])('a %s with teams [] -> 403 on queries and commands, not empty 200s', async (_who, roles) => {
      const noTeams = await api.as(`${roles[0]}-none`, roles, []);
      for (const path of [
        '/cases',
        '/deadlines',
        '/timeliness/sen2',
        '/timeliness/monthly',
        '/qa/summary',
        '/notifications',
        '/teams',
        `/cases/${drafted}`,
        `/cases/${drafted}/events`,
      ])
        expectProblem(await noTeams.get(path), 403, 'FORBIDDEN_TEAM');
      const before = await revisionOf(admin, drafted);
      const caseId = randomUUID();
      expect((await noTeams.post('/cases', requestBody({ caseId }))).status).toBe(403);
      expect(
        (
          await noTeams.post(`/cases/${drafted}/caseworker`, {
            caseworkerId: 'cw-2',
            assignedOn: '2025-05-01',
          })
        ).status,
      ).toBe(403);
      expect(await revisionOf(admin, caseId)).toBe(-1);
      expect(await revisionOf(admin, drafted)).toBe(before);
    });

    it('an admin with teams [] still sees every team', async () => {
      await admin.get('/cases').expect(200);
      await admin.get('/timeliness/sen2').expect(200);
    });
  });

  describe('QA audits: section I (placement) by plan version (DOMAIN.md 2nd ed. change 9)', () => {
    const audit = (planVersion: string, sections: Record<string, string>) => ({
      planVersion,
      auditedOn: '2025-06-02',
      auditorRole: 'qa_officer',
      sections,
    });

    it('an audit of a draft with section I not_applicable -> 201 (a draft never names a placement)', async () => {
      const response = await qaOfficer.post(`/cases/${drafted}/qa-audits`, audit('draft', DRAFT_SECTIONS));
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ overallGrade: 'good' });
    });

    it('an audit of a draft grading section I -> 400 naming sections.I, nothing appended', async () => {
      const before = await revisionOf(admin, drafted);
      const response = await qaOfficer.post(`/cases/${drafted}/qa-audits`, audit('draft', GOOD_SECTIONS));
      expectProblem(response, 400, 'QA_SECTION_GRADE_INVALID', 'sections.I');
      expect(await revisionOf(admin, drafted)).toBe(before);
    });

    it('an audit of a final plan with section I not_applicable -> 400 naming sections.I; graded -> 201', async () => {
      const before = await revisionOf(admin, finalised);
      expectProblem(
        await qaOfficer.post(`/cases/${finalised}/qa-audits`, audit('final', DRAFT_SECTIONS)),
        400,
        'QA_SECTION_GRADE_INVALID',
        'sections.I',
      );
      expect(await revisionOf(admin, finalised)).toBe(before);
      await qaOfficer.post(`/cases/${finalised}/qa-audits`, audit('final', GOOD_SECTIONS)).expect(201);
    });
  });
});

import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
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
 * DOMAIN.md (2nd ed.) "Corrections", over HTTP with the projector following the log: a recorded fact
 * is corrected (a date or a choice, with a reason) or voided; the child's details are corrected, still
 * encrypted; the history keeps both; deadlines, stage, SEN2 and QA are recomputed; a correction that
 * would make the history invalid gets the original command's problem code. The api's clock is
 * stopped at TODAY (2027-03-01).
 */
describe('corrections of recorded facts (DOMAIN.md 2nd ed. "Corrections")', () => {
  let api: CommandApi;
  let projector: INestApplication;
  let caseworker: Caller;
  let qaOfficer: Caller;
  let manager: Caller;
  let admin: Caller;
  let position = '';
  // Request 2025-09-01; revisions: 0 request, 1 decision to assess, 2 decision to issue, 3 draft
  // 2025-12-22, 4 representations 2026-01-02, 5 final plan 2026-01-12 (day 133: within 20 weeks).
  const planned = randomUUID();
  // The same, with an exception at revision 2 and the final plan on 2026-02-02 (late, excepted).
  const excepted = randomUUID();
  const FINAL_PLAN = 5;

  type Method = 'post' | 'put' | 'del';
  async function command(caller: Caller, path: string, body?: unknown, method: Method = 'post') {
    const response = method === 'del' ? await caller.del(path) : await caller[method](path, body as object);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${response.text}`);
    position = response.body.position as string;
    return response.body as { revision: number; position: string; correctionId?: string };
  }

  const caseScreen = async (caseId: string) =>
    (await manager.get(`/cases/${caseId}?minPosition=${position}`).expect(200)).body as {
      stage: string;
      revision: number;
      child: { firstName: string; lastName: string; dateOfBirth: string } | null;
      deadlines: {
        id: string;
        dueOn: string;
        metOn: string | null;
        status: string;
        exceptionApplies: boolean;
      }[];
    };
  const deadline = async (caseId: string, id: string) =>
    (await caseScreen(caseId)).deadlines.find((d) => d.id === id);
  const history = async (caseId: string) =>
    (await caseworker.get(`/cases/${caseId}/events`).expect(200)).body as {
      revision: number;
      type: string;
      data: Record<string, unknown>;
      metadata: { userId: string };
    }[];
  const sen2January = async () =>
    (await manager.get(`/timeliness/sen2?from=2026-01-01&to=2026-01-31&minPosition=${position}`).expect(200))
      .body as { plans_issued_den: number; plans_issued_within_20_weeks: number };

  const toFinalPlan = (caseId: string, exception: boolean, finalPlanOn: string) =>
    given(caseworker, [
      ['/cases', requestBody({ caseId, requestReceivedOn: '2025-09-01' })],
      ...(
        [
          ['/assessment-decision', { decision: 'assess', decidedOn: '2025-10-06' }],
          ...(exception
            ? [
                [
                  '/exceptions',
                  {
                    reason: 'exceptional_personal_circumstances',
                    startedOn: '2025-11-01',
                    endedOn: '2025-11-20',
                  },
                ],
              ]
            : []),
          ['/plan-decision', { decision: 'issue', decidedOn: '2025-12-15' }],
          ['/draft-plan', { issuedOn: '2025-12-22' }],
          ['/representations', { receivedOn: '2026-01-02' }],
          [
            '/final-plan',
            { issuedOn: finalPlanOn, placement: { institution: 'Riverside Academy', type: 'mainstream' } },
          ],
        ] as const
      ).map(([path, body]) => [`/cases/${caseId}${path}`, body] as const),
    ]);

  beforeAll(async () => {
    api = await startCommandApi();
    projector = await startInProcessProjector(api.config);
    caseworker = await api.as('cw-north', ['caseworker']);
    qaOfficer = await api.as('qa-north', ['qa_officer']);
    manager = await api.as('manager-north', ['manager']);
    admin = await api.as('admin-1', ['admin'], []);
    await toFinalPlan(planned, false, '2026-01-12');
    position = (await toFinalPlan(excepted, true, '2026-02-02')).position as string;
  }, 90_000);

  afterAll(async () => {
    await projector?.close();
    await api?.close();
  });

  it('corrects the final plan date: the deadline is met late, SEN2 counts the plan late, the history keeps both', async () => {
    expect(await deadline(planned, 'final_plan')).toMatchObject({
      dueOn: '2026-01-19',
      metOn: '2026-01-12',
      status: 'met',
    });
    expect(await sen2January()).toMatchObject({ plans_issued_den: 1, plans_issued_within_20_weeks: 1 });

    const response = await caseworker
      .post(`/cases/${planned}/corrections`, {
        revision: FINAL_PLAN,
        action: 'correct',
        changes: { issuedOn: '2026-01-26' },
        reason: 'Issued on the 26th; the 12th was typed.',
      })
      .expect(201);
    expect(response.body).toEqual({
      caseId: planned,
      revision: 6,
      position: expect.any(String),
      correctionId: expect.any(String),
    });
    position = response.body.position as string;

    expect(await deadline(planned, 'final_plan')).toMatchObject({ metOn: '2026-01-26', status: 'met_late' });
    expect(await sen2January()).toMatchObject({ plans_issued_den: 1, plans_issued_within_20_weeks: 0 });
    const events = await history(planned);
    expect(events.map((e) => e.type)).toEqual([
      'RequestReceived',
      'AssessmentDecisionMade',
      'PlanDecisionMade',
      'DraftPlanIssued',
      'RepresentationsReceived',
      'FinalPlanIssued',
      'FactCorrected',
    ]);
    expect(events[FINAL_PLAN].data).toMatchObject({ issuedOn: '2026-01-12' });
    expect(events[6]).toMatchObject({
      revision: 6,
      data: {
        correctionId: response.body.correctionId,
        revision: FINAL_PLAN,
        correctedType: 'FinalPlanIssued',
        changes: { issuedOn: '2026-01-26' },
        reason: 'Issued on the 26th; the 12th was typed.',
        correctedOn: '2027-03-01',
      },
      metadata: { userId: 'cw-north' },
    });
  });

  it('voids a fact recorded in error: the exception no longer applies to the 20-week deadline', async () => {
    expect(await deadline(excepted, 'final_plan')).toMatchObject({
      status: 'met_late',
      exceptionApplies: true,
    });
    const { correctionId } = await command(caseworker, `/cases/${excepted}/corrections`, {
      correctionId: 'void-exception',
      revision: 2,
      action: 'void',
      reason: 'Recorded on the wrong case.',
    });
    expect(correctionId).toBe('void-exception');
    expect(await deadline(excepted, 'final_plan')).toMatchObject({
      status: 'met_late',
      exceptionApplies: false,
    });
    const events = await history(excepted);
    expect(events[2].type).toBe('TimescaleExceptionRecorded');
    expect(events[events.length - 1]).toMatchObject({
      type: 'FactVoided',
      data: { correctionId: 'void-exception', revision: 2, voidedType: 'TimescaleExceptionRecorded' },
    });
  });

  it('voids the final plan: the case is back at draft_issued with the 20-week deadline overdue', async () => {
    const caseId = randomUUID();
    position = (await toFinalPlan(caseId, false, '2026-01-12')).position as string;
    await command(caseworker, `/cases/${caseId}/corrections`, {
      revision: FINAL_PLAN,
      action: 'void',
      reason: 'The plan was never sent.',
    });
    const screen = await caseScreen(caseId);
    expect(screen.stage).toBe('draft_issued');
    expect(screen.deadlines.find((d) => d.id === 'final_plan')).toMatchObject({
      metOn: null,
      status: 'overdue',
    });
  });

  describe('refuses a correction that would make the history invalid, with the original code, and appends nothing', () => {
    it.each<[string, number, Record<string, unknown>, number, string, string | null]>([
      // Draft 2025-12-22: D .. D + 14 with the representations only on 2026-01-02 (reg 13(1)).
      [
        'a final plan inside the representation window',
        FINAL_PLAN,
        { issuedOn: '2026-01-01' },
        409,
        'FINAL_PLAN_INSIDE_REPRESENTATION_WINDOW',
        null,
      ],
      ['a decision before its request', 1, { decidedOn: '2025-08-20' }, 409, 'DATE_BEFORE_REQUEST', null],
      [
        'a request after the decision that follows it',
        0,
        { requestReceivedOn: '2025-10-10' },
        409,
        'DATE_BEFORE_REQUEST',
        null,
      ],
      ["the request's team", 0, { team: 'south' }, 400, 'CORRECTION_FIELD_NOT_CORRECTABLE', 'changes.team'],
      [
        "the request's case id",
        0,
        { caseId: randomUUID() },
        400,
        'CORRECTION_FIELD_NOT_CORRECTABLE',
        'changes.caseId',
      ],
      [
        'a choice outside its vocabulary',
        1,
        { decision: 'maybe' },
        400,
        'CORRECTION_VALUE_INVALID',
        'changes.decision',
      ],
      [
        'a date after today',
        FINAL_PLAN,
        { issuedOn: '2027-03-02' },
        400,
        'DATE_IN_FUTURE',
        'changes.issuedOn',
      ],
      ['a correction of a correction', 6, { issuedOn: '2026-01-27' }, 409, 'CORRECTION_NOT_ALLOWED', null],
      [
        'an event that does not exist',
        99,
        { issuedOn: '2026-01-27' },
        404,
        'CORRECTION_TARGET_NOT_FOUND',
        null,
      ],
    ])('%s', async (_title, revision, changes, status, code, field) => {
      const before = await revisionOf(caseworker, planned);
      const response = await caseworker
        .post(`/cases/${planned}/corrections`, {
          revision,
          action: 'correct',
          changes,
          reason: 'Typing mistake.',
        })
        .expect(status);
      expect(response.body).toMatchObject({ status, code });
      if (field !== null) expect(response.body.errors).toEqual([{ field, message: expect.any(String) }]);
      expect(await revisionOf(caseworker, planned)).toBe(before);
    });

    it('voiding the request: 409 CORRECTION_NOT_ALLOWED', async () => {
      const response = await caseworker
        .post(`/cases/${planned}/corrections`, { revision: 0, action: 'void', reason: 'Wrong case.' })
        .expect(409);
      expect(response.body.code).toBe('CORRECTION_NOT_ALLOWED');
    });

    it('a correction without a reason: 400 naming reason', async () => {
      const response = await caseworker
        .post(`/cases/${planned}/corrections`, {
          revision: FINAL_PLAN,
          action: 'correct',
          changes: { issuedOn: '2026-01-27' },
        })
        .expect(400);
      expect(response.body.errors).toContainEqual(expect.objectContaining({ field: 'reason' }));
    });
  });

  it('a QA audit is corrected by the QA roles, and the QA summary follows its new grade', async () => {
    const { revision } = await command(qaOfficer, `/cases/${planned}/qa-audits`, {
      planVersion: 'final',
      auditedOn: '2026-02-01',
      auditorRole: 'qa_officer',
      sections: GOOD_SECTIONS,
    });
    const summary = async () =>
      (await manager.get(`/qa/summary?from=2026-01-01&to=2026-12-31&minPosition=${position}`).expect(200))
        .body;
    expect((await summary()).grades).toMatchObject({ good: 1, requires_improvement: 0 });
    const regrade = {
      revision,
      action: 'correct',
      changes: { 'sections.B': 'inadequate' },
      reason: 'B was misread.',
    };
    expect((await caseworker.post(`/cases/${planned}/corrections`, regrade).expect(403)).body.code).toBe(
      'FORBIDDEN_ROLE',
    );
    await command(qaOfficer, `/cases/${planned}/corrections`, regrade);
    expect((await summary()).grades).toMatchObject({ good: 0, requires_improvement: 1 });
    expect((await summary()).sections.B).toEqual({ averageScore: 1, inadequate: 1 });
    const finalPlan = { revision: FINAL_PLAN, action: 'void', reason: 'not mine to void' };
    expect((await qaOfficer.post(`/cases/${planned}/corrections`, finalPlan).expect(403)).body.code).toBe(
      'FORBIDDEN_ROLE',
    );
  });

  describe("the child's personal details", () => {
    const corrected = { firstName: 'Amelie', lastName: 'Khan-Ali', dateOfBirth: '2016-04-21' };

    it('PUT /cases/{caseId}/child: the case screen shows the corrected child, the history both', async () => {
      await command(
        caseworker,
        `/cases/${planned}/child`,
        { ...corrected, reason: 'Name and birthday mistyped (was Amelia Khan).' },
        'put',
      );
      expect((await caseScreen(planned)).child).toEqual(corrected);
      const events = await history(planned);
      expect(events[0].data.personal).toEqual({
        firstName: 'Amelia',
        lastName: 'Khan',
        dateOfBirth: '2016-04-12',
      });
      expect(events[events.length - 1]).toMatchObject({
        type: 'ChildDetailsCorrected',
        data: {
          personal: { ...corrected, reason: 'Name and birthday mistyped (was Amelia Khan).' },
          correctedOn: '2027-03-01',
        },
        metadata: { userId: 'cw-north' },
      });
    });

    it('is stored encrypted: the event store holds no readable name', async () => {
      const db = new Client({ connectionString: api.config.DATABASE_URL });
      await db.connect();
      try {
        const { rows } = await db.query<{ data: string }>(
          "select data::text as data from es_events where event_type = 'ChildDetailsCorrected'",
        );
        expect(rows).toHaveLength(1);
        expect(rows[0].data).not.toMatch(/Amelie|Khan|2016-04-21|mistyped/);
        expect(JSON.parse(rows[0].data).personal).toMatchObject({
          enc: 'aes-256-gcm',
          ciphertext: expect.any(String),
        });
      } finally {
        await db.end();
      }
    });

    it('refuses a date of birth that is no date: 400 naming dateOfBirth', async () => {
      const response = await caseworker
        .put(`/cases/${planned}/child`, { ...corrected, dateOfBirth: '2016-02-30', reason: 'typo' })
        .expect(400);
      expect(response.body.errors).toContainEqual(expect.objectContaining({ field: 'dateOfBirth' }));
    });

    it('erasure after a correction leaves no readable name anywhere; a later correction is refused', async () => {
      await command(admin, `/cases/${planned}/personal-data`, undefined, 'del');
      expect((await caseScreen(planned)).child).toBeNull();
      const events = await history(planned);
      expect(events[0].data.personal).toBeNull();
      expect(events.find((e) => e.type === 'ChildDetailsCorrected')?.data.personal).toBeNull();
      expect(JSON.stringify(events)).not.toMatch(/Amelia|Amelie|Khan|2016-04-12|2016-04-21|mistyped/);
      const response = await caseworker
        .put(`/cases/${planned}/child`, { ...corrected, reason: 'again' })
        .expect(409);
      expect(response.body.code).toBe('PERSONAL_DATA_ALREADY_ERASED');
    });
  });
});

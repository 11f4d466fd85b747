import {
  caseIdOf,
  mapCaseloadRow,
  type CasePlan,
  type CaseloadRow,
  type RowMapping,
} from './caseload-row.mapper';

const REQUEST: CaseloadRow = {
  reference: 'EHC-0001',
  team: 'north',
  requested_by: 'parent',
  request_received_on: '2025-09-01',
  child_first_name: 'Alex',
  child_last_name: 'Testcase',
  child_date_of_birth: '2016-04-12',
};

/** Request to final plan (reg 4 to reg 13), with the dates of a 20-week path. */
const ISSUED: CaseloadRow = {
  ...REQUEST,
  caseworker_id: 'cw-7',
  assessment_decision: 'assess',
  assessment_decided_on: '2025-10-06',
  advice_educational_psychology_requested_on: '2025-10-07',
  advice_educational_psychology_received_on: '2025-11-10',
  advice_health_requested_on: '2025-10-07',
  advice_health_received_on: '2025-11-03',
  plan_decision: 'issue',
  plan_decided_on: '2025-12-01',
  draft_issued_on: '2025-12-03',
  representations_received_on: '2025-12-10',
  consultation_1_institution: 'Riverside Primary School',
  consultation_1_consulted_on: '2025-12-11',
  consultation_1_response_received_on: '2025-12-19',
  consultation_1_outcome: 'can_meet_needs',
  final_plan_issued_on: '2026-01-12',
  placement_institution: 'Riverside Primary School',
  placement_type: 'mainstream',
};

function planOf(mapping: RowMapping): CasePlan {
  if (!mapping.ok) throw new Error(`refused: ${mapping.problem.code} ${mapping.problem.detail}`);
  return mapping.plan;
}

const names = (plan: CasePlan) => plan.steps.map((step) => step.name);

describe('a caseload row as the commands that record its history', () => {
  it('Given a case from request to final plan, When mapped, Then it is the request and then each step in date order', () => {
    const plan = planOf(mapCaseloadRow(ISSUED));

    expect(names(plan)).toEqual([
      'request',
      'assessment_decision',
      'advice_educational_psychology_requested',
      'advice_health_requested',
      'advice_health_received',
      'advice_educational_psychology_received',
      'plan_decision',
      'draft_plan',
      'representations',
      'consultation_1',
      'consultation_1_response',
      'final_plan',
    ]);
    expect(plan.steps[0]).toMatchObject({
      path: '/cases',
      body: {
        caseId: plan.caseId,
        reference: 'EHC-0001',
        team: 'north',
        requestReceivedOn: '2025-09-01',
        requestedBy: 'parent',
        child: { firstName: 'Alex', lastName: 'Testcase', dateOfBirth: '2016-04-12' },
        caseworkerId: 'cw-7',
      },
    });
    expect(plan.steps.at(-1)).toMatchObject({
      path: `/cases/${plan.caseId}/final-plan`,
      body: {
        issuedOn: '2026-01-12',
        placement: { institution: 'Riverside Primary School', type: 'mainstream' },
      },
    });
    const received = plan.steps.find((step) => step.name === 'advice_health_received');
    expect(received?.path).toBe(`/cases/${plan.caseId}/advice-requests/advice-health/received`);
  });

  it('Given the same row twice, When mapped, Then case id, sub-resource ids and Idempotency-Keys are the same (a re-run adds nothing)', () => {
    const first = planOf(mapCaseloadRow(ISSUED));
    const second = planOf(mapCaseloadRow({ ...ISSUED }));

    expect(second).toEqual(first);
    expect(first.caseId).toBe(caseIdOf('EHC-0001'));
    expect(first.caseId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(caseIdOf('EHC-0002')).not.toBe(first.caseId);
    const keys = first.steps.map((step) => step.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every((key) => /^[\x21-\x7e]{1,200}$/.test(key))).toBe(true);
  });

  it('Given a refusal to assess (reg 5), When mapped, Then only the request and the refusal are sent', () => {
    const plan = planOf(
      mapCaseloadRow({ ...REQUEST, assessment_decision: 'refuse', assessment_decided_on: '2025-10-01' }),
    );

    expect(names(plan)).toEqual(['request', 'assessment_decision']);
    expect(plan.steps[1].body).toEqual({ decision: 'refuse', decidedOn: '2025-10-01' });
  });

  it('Given a decision not to issue (reg 10) and a later closure, When mapped, Then the closure comes last', () => {
    const plan = planOf(
      mapCaseloadRow({
        ...REQUEST,
        closed_on: '2026-02-01',
        closure_reason: 'moved_out_of_area',
        assessment_decision: 'assess',
        assessment_decided_on: '2025-10-06',
        plan_decision: 'not_issue',
        plan_decided_on: '2025-12-01',
      }),
    );

    expect(names(plan)).toEqual(['request', 'assessment_decision', 'plan_decision', 'closure']);
    expect(plan.steps[3].body).toEqual({ closedOn: '2026-02-01', reason: 'moved_out_of_area' });
  });

  it('Given draft, representations and final plan on one day (reg 13(1)), When mapped, Then they go in that order', () => {
    const sameDay = '2025-12-03';
    const plan = planOf(
      mapCaseloadRow({
        ...ISSUED,
        draft_issued_on: sameDay,
        representations_received_on: sameDay,
        final_plan_issued_on: sameDay,
        consultation_1_institution: '',
        consultation_1_consulted_on: '',
        consultation_1_response_received_on: '',
        consultation_1_outcome: '',
      }),
    );

    expect(names(plan).slice(-3)).toEqual(['draft_plan', 'representations', 'final_plan']);
  });

  it('Given a receipt dated before its request, When mapped, Then it still follows its request (the api names the problem)', () => {
    const plan = planOf(
      mapCaseloadRow({
        ...ISSUED,
        advice_health_requested_on: '2025-10-20',
        advice_health_received_on: '2025-10-10',
      }),
    );

    const order = names(plan);
    expect(order.indexOf('advice_health_received')).toBe(order.indexOf('advice_health_requested') + 1);
  });

  it('Given UK dates (DD/MM/YYYY), When mapped, Then the commands carry ISO dates', () => {
    const plan = planOf(
      mapCaseloadRow({ ...REQUEST, request_received_on: '1/9/2025', child_date_of_birth: '12/04/2016' }),
    );

    expect(plan.steps[0].body).toMatchObject({
      requestReceivedOn: '2025-09-01',
      child: { dateOfBirth: '2016-04-12' },
    });
  });

  it('Given an impossible date, When mapped, Then the row is refused with INVALID_DATE naming the column', () => {
    expect(mapCaseloadRow({ ...ISSUED, draft_issued_on: '2025-02-30' })).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'INVALID_DATE', field: 'draft_issued_on' }),
    });
    expect(mapCaseloadRow({ ...ISSUED, plan_decided_on: 'next week' })).toMatchObject({
      ok: false,
      problem: { code: 'INVALID_DATE', field: 'plan_decided_on' },
    });
  });

  it('Given a step with half of its columns, When mapped, Then the row is refused with MISSING_VALUE naming the missing column', () => {
    const cases: [CaseloadRow, string][] = [
      [{ ...REQUEST, reference: ' ' }, 'reference'],
      [{ ...REQUEST, assessment_decision: 'assess' }, 'assessment_decided_on'],
      [{ ...REQUEST, plan_decided_on: '2025-12-01' }, 'plan_decision'],
      [{ ...REQUEST, advice_health_received_on: '2025-11-01' }, 'advice_health_requested_on'],
      [{ ...ISSUED, placement_type: '' }, 'placement_type'],
      [
        { ...REQUEST, review_1_decision: 'maintain', review_1_decided_on: '2026-12-01' },
        'review_1_meeting_held_on',
      ],
      [{ ...REQUEST, exception_1_started_on: '2025-10-01' }, 'exception_1_reason'],
    ];
    for (const [row, field] of cases)
      expect(mapCaseloadRow(row)).toMatchObject({ ok: false, problem: { code: 'MISSING_VALUE', field } });
  });

  it('Given annual reviews (CFA s44) and an exception (reg 10(4)), When mapped, Then numbered groups become sub-resources in date order', () => {
    const plan = planOf(
      mapCaseloadRow({
        ...ISSUED,
        exception_1_reason: 'absence_from_area',
        exception_1_started_on: '2025-10-01',
        exception_1_ended_on: '2025-11-15',
        exception_1_note: 'Family abroad',
        review_2_meeting_held_on: '2027-01-05',
        review_2_decision: 'maintain',
        review_2_decided_on: '2027-01-20',
        review_1_meeting_held_on: '2026-12-01',
        review_1_decision: 'maintain',
        review_1_decided_on: '2026-12-10',
      }),
    );

    const order = names(plan);
    expect(order.slice(-4)).toEqual([
      'review_1_meeting',
      'review_1_decision',
      'review_2_meeting',
      'review_2_decision',
    ]);
    expect(order.indexOf('exception_1_started')).toBeLessThan(order.indexOf('assessment_decision'));
    const exception = plan.steps.find((step) => step.name === 'exception_1_started');
    expect(exception?.body).toEqual({
      exceptionId: 'exception-1',
      reason: 'absence_from_area',
      startedOn: '2025-10-01',
      note: 'Family abroad',
    });
    expect(plan.steps.find((step) => step.name === 'review_2_decision')?.path).toBe(
      `/cases/${plan.caseId}/reviews/review-2/decision`,
    );
  });

  it('maps each body field back to its column, so a refusal names what to fix in the file', () => {
    const plan = planOf(mapCaseloadRow(ISSUED));

    expect(plan.steps[0].columns['child.dateOfBirth']).toBe('child_date_of_birth');
    expect(plan.steps[0].dateColumn).toBe('request_received_on');
    const final = plan.steps.at(-1);
    expect(final?.columns['placement.type']).toBe('placement_type');
    expect(final?.dateColumn).toBe('final_plan_issued_on');
  });
});

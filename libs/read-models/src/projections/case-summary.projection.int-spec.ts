import { randomUUID } from 'node:crypto';
import type { EhcpCaseEvent } from '@ehcp/domain';
import { GOOD_SECTIONS, on } from '../../../domain/src/testing/case-events';
import { ProjectionHarness } from '../../../../test/support/projection.harness';

// Given a case's events, then its case_summary row (real PostgreSQL, through the batch applier).
describe('case_summary projection', () => {
  let harness: ProjectionHarness;
  beforeAll(async () => {
    harness = await ProjectionHarness.start('rm_summary');
  });
  afterAll(() => harness.close());

  async function given(...events: EhcpCaseEvent[]): Promise<Record<string, unknown>> {
    const caseId = randomUUID();
    await harness.append(caseId, [
      on.requestReceived({ caseId, requestReceivedOn: '2025-01-06' }),
      ...events,
    ]);
    await harness.project();
    const [row] = await harness.query<Record<string, unknown>>(
      `select case_id as "caseId", reference, team, caseworker_id as "caseworkerId", stage,
              requested_by as "requestedBy", request_received_on::text as "requestReceivedOn",
              child_first_name as "childFirstName", child_last_name as "childLastName",
              child_date_of_birth::text as "childDateOfBirth",
              first_final_plan_issued_on::text as "firstFinalPlanIssuedOn",
              final_plan_exception_applies as "finalPlanExceptionApplies",
              opened_by_request as "openedByRequest",
              appeal_or_mediation_before_plan as "appealOrMediationBeforePlan",
              assessment_decided_on::text as "assessmentDecidedOn", assessment_refused as "assessmentRefused",
              ceases_on::text as "ceasesOn", next_deadline_id as "nextDeadlineId", next_due_on::text as "nextDueOn", revision::int as revision
         from case_summary where case_id = $1`,
      [caseId],
    );
    return { ...row, nextDeadline: (row.nextDeadlineId as string | null)?.slice(caseId.length + 1) ?? null };
  }

  it('RequestReceived: the case, its child, and the decision to assess due first (R + 42)', async () => {
    const row = await given();
    expect(row).toMatchObject({
      team: 'north',
      caseworkerId: null,
      stage: 'requested',
      requestedBy: 'parent',
      requestReceivedOn: '2025-01-06',
      childFirstName: 'Amelia',
      childLastName: 'Khan',
      childDateOfBirth: '2016-04-12',
      firstFinalPlanIssuedOn: null,
      finalPlanExceptionApplies: false,
      openedByRequest: true,
      appealOrMediationBeforePlan: false,
      assessmentDecidedOn: null,
      assessmentRefused: false,
      nextDeadline: 'decision_to_assess',
      nextDueOn: '2025-02-17',
      revision: 0,
    });
    expect(row.reference).toMatch(/^EHC-/);
  });

  it('RequestReceived whose personal data was already shredded: no child', async () => {
    const caseId = randomUUID();
    await harness.append(caseId, [
      on.requestReceived({ caseId, personal: null, requestReceivedOn: '2025-01-06' }),
    ]);
    await harness.project();
    const [row] = await harness.query(
      'select child_first_name, child_last_name, child_date_of_birth from case_summary where case_id = $1',
      [caseId],
    );
    expect(row).toEqual({ child_first_name: null, child_last_name: null, child_date_of_birth: null });
  });

  it('CaseworkerAssigned: the caseworker', async () => {
    expect(await given(on.caseworkerAssigned('cw-1', '2025-01-07'))).toMatchObject({
      caseworkerId: 'cw-1',
      revision: 1,
    });
  });

  it('AssessmentDecisionMade: assessing, next the plan decision (R + 112); a refusal leaves nothing open', async () => {
    expect(await given(on.assessed('2025-02-01'))).toMatchObject({
      stage: 'assessing',
      nextDeadline: 'plan_decision',
      nextDueOn: '2025-04-28',
    });
    expect(await given(on.refused('2025-02-01'))).toMatchObject({
      stage: 'refused_to_assess',
      nextDeadline: null,
      nextDueOn: null,
    });
  });

  it('AssessmentDecisionMade: SEN2 keeps the first decision on the request, a refusal even when reversed', async () => {
    expect(await given(on.assessed('2025-02-01'))).toMatchObject({
      assessmentDecidedOn: '2025-02-01',
      assessmentRefused: false,
    });
    expect(await given(on.refused('2025-02-01'), on.assessed('2025-05-01'))).toMatchObject({
      stage: 'assessing',
      assessmentDecidedOn: '2025-02-01',
      assessmentRefused: true,
    });
  });

  it('AdviceRequested / AdviceReceived: the advice deadline (A + 42) leads until the advice arrives', async () => {
    const requested = [on.assessed('2025-02-01'), on.adviceRequested('adv-1', '2025-02-03')];
    expect(await given(...requested)).toMatchObject({
      nextDeadline: 'advice-adv-1',
      nextDueOn: '2025-03-17',
    });
    expect(await given(...requested, on.adviceReceived('adv-1', '2025-03-01'))).toMatchObject({
      nextDeadline: 'plan_decision',
    });
  });

  it('TimescaleExceptionRecorded / Ended: the final plan deadline has an exception applying', async () => {
    const recorded = on.exception('exceptional_personal_circumstances', '2025-02-01');
    expect(await given(recorded)).toMatchObject({ finalPlanExceptionApplies: true, revision: 1 });
    expect(await given(recorded, on.exceptionEnded('2025-02-20'))).toMatchObject({
      finalPlanExceptionApplies: true,
      revision: 2,
    });
    // An absence from the area shorter than 4 weeks does not apply (reg 10(4)(b)).
    const short = on.exception('absence_from_area', '2025-02-01', '2025-02-10', 'exc-2');
    expect(await given(short)).toMatchObject({ finalPlanExceptionApplies: false });
  });

  const drafted = [on.assessed('2025-02-01'), on.toIssue('2025-04-01'), on.draftIssued('2025-04-07')];

  it('PlanDecisionMade: drafting, or not issued with nothing left open', async () => {
    expect(await given(on.assessed('2025-02-01'), on.toIssue('2025-04-01'))).toMatchObject({
      stage: 'drafting',
      nextDeadline: 'final_plan',
      nextDueOn: '2025-05-26',
    });
    expect(await given(on.assessed('2025-02-01'), on.notToIssue('2025-04-01'))).toMatchObject({
      stage: 'not_issued',
      nextDeadline: null,
    });
  });

  it('DraftPlanIssued, RepresentationsReceived, InstitutionConsulted, ConsultationResponseReceived', async () => {
    expect(await given(...drafted)).toMatchObject({ stage: 'draft_issued', nextDeadline: 'final_plan' });
    expect(await given(...drafted, on.representations('2025-04-10'))).toMatchObject({
      stage: 'draft_issued',
      revision: 4,
    });
    const consulted = [...drafted, on.consulted('con-1', '2025-04-08')];
    expect(await given(...consulted)).toMatchObject({
      nextDeadline: 'consultation_response-con-1',
      nextDueOn: '2025-04-23',
    });
    expect(await given(...consulted, on.consultationAnswered('con-1', '2025-04-15'))).toMatchObject({
      nextDeadline: 'final_plan',
    });
  });

  const maintained = [...drafted, on.finalIssued('2025-05-20')];

  it('FinalPlanIssued: the plan is maintained, SEN2 knows its issue date, the annual review is next', async () => {
    expect(await given(...maintained)).toMatchObject({
      stage: 'plan_maintained',
      firstFinalPlanIssuedOn: '2025-05-20',
      nextDeadline: 'annual_review',
      nextDueOn: '2026-05-19',
    });
  });

  it('QaAuditRecorded: only the revision moves', async () => {
    expect(
      await given(...maintained, on.qaAudited('audit-1', '2025-06-01', GOOD_SECTIONS, 'final')),
    ).toMatchObject({
      stage: 'plan_maintained',
      revision: 5,
    });
  });

  it('ReviewMeetingHeld / ReviewDecisionMade / AmendmentNoticeIssued / representations / AmendedPlanIssued', async () => {
    const reviewed = [...maintained, on.reviewHeld('rev-1', '2026-05-01')];
    // DOMAIN.md 2nd ed.: the meeting alone does not complete the review; its period ends first.
    expect(await given(...reviewed)).toMatchObject({
      nextDeadline: 'annual_review',
      nextDueOn: '2026-05-19',
    });
    const amending = [
      ...reviewed,
      on.reviewDecided('rev-1', 'amend', '2026-05-10'),
      on.noticeIssued('not-1', '2026-05-15'),
    ];
    expect(await given(...amending)).toMatchObject({
      nextDeadline: 'amended_plan-not-1',
      nextDueOn: '2026-07-10',
    });
    expect(
      await given(
        ...amending,
        on.amendmentRepresentations('not-1', '2026-05-20'),
        on.amendedIssued('not-1', '2026-06-20'),
      ),
    ).toMatchObject({ nextDeadline: 'annual_review-rev-1', nextDueOn: '2027-05-09', revision: 9 });
  });

  it('PhaseTransferPlanned: the reg 18 date of the transfer year', async () => {
    expect(
      await given(...maintained, on.transferPlanned('tr-1', 'school_phase', 2026, '2025-06-01')),
    ).toMatchObject({
      nextDeadline: 'phase_transfer-tr-1',
      nextDueOn: '2026-02-14',
    });
  });

  it('PlanCeased and CaseClosed: nothing left open', async () => {
    expect(await given(...maintained, on.ceased('2025-09-01'))).toMatchObject({
      stage: 'ceased',
      nextDeadline: null,
    });
    expect(await given(on.closed('2025-01-20'))).toMatchObject({ stage: 'closed', nextDeadline: null });
  });

  it('PersonalDataErased: the name and date of birth are gone, and stay gone', async () => {
    expect(await given(on.erased('2025-03-01'), on.caseworkerAssigned('cw-2', '2025-03-02'))).toMatchObject({
      childFirstName: null,
      childLastName: null,
      childDateOfBirth: null,
      caseworkerId: 'cw-2',
    });
  });

  it('(2nd ed.) ChildDetailsCorrected: the corrected name and date of birth; none once erased', async () => {
    const child = { firstName: 'Amelie', lastName: 'Khan-Ali', dateOfBirth: '2016-04-21' };
    expect(await given(on.childCorrected(child))).toMatchObject({
      childFirstName: 'Amelie',
      childLastName: 'Khan-Ali',
      childDateOfBirth: '2016-04-21',
      revision: 1,
    });
    // Shredded before the projection saw it (a rebuild after erasure).
    expect(await given(on.childCorrected(null))).toMatchObject({ childFirstName: null, childLastName: null });
    expect(await given(on.childCorrected(child), on.erased('2025-03-01'))).toMatchObject({
      childFirstName: null,
      childLastName: null,
      childDateOfBirth: null,
    });
  });

  it('(2nd ed.) FactCorrected / FactVoided: the stage, next deadline and SEN2 dates as if recorded so', async () => {
    const maintained = [
      on.assessed('2025-02-01'),
      on.toIssue('2025-04-01'),
      on.draftIssued('2025-04-07'),
      on.representations('2025-04-10'),
      on.finalIssued('2025-05-20'),
    ];
    expect(
      await given(...maintained, on.factCorrected(5, 'FinalPlanIssued', { issuedOn: '2025-05-27' })),
    ).toMatchObject({ stage: 'plan_maintained', firstFinalPlanIssuedOn: '2025-05-27', revision: 6 });
    expect(await given(...maintained, on.factVoided(5, 'FinalPlanIssued'))).toMatchObject({
      stage: 'draft_issued',
      firstFinalPlanIssuedOn: null,
      nextDeadline: 'final_plan',
      nextDueOn: '2025-05-26',
    });
  });

  // (2nd ed.) DOMAIN.md "Cessation": a decision to cease dated 2026-01-10 with no appeal ceases the
  // plan on 2026-03-11 (D + 2 months + 1 day); appealed, not until the appeal is dismissed or withdrawn
  // (the outcome date), never when the Tribunal orders the plan to continue.
  it('(2nd ed.) CessationDecided: ceasing, and the day the plan ceases from the events alone', async () => {
    const maintained = [
      on.assessed('2025-02-01'),
      on.toIssue('2025-04-01'),
      on.draftIssued('2025-04-07'),
      on.finalIssued('2025-05-20'),
    ];
    expect(await given(...maintained)).toMatchObject({ stage: 'plan_maintained', ceasesOn: null });
    const decided = [...maintained, on.cessationDecided('2026-01-10')];
    expect(await given(...decided)).toMatchObject({ stage: 'ceasing', ceasesOn: '2026-03-11' });
    const appealed = [...decided, on.appealLodged('app-1', 'cessation', '2026-02-01')];
    expect(await given(...appealed)).toMatchObject({ stage: 'ceasing', ceasesOn: null });
    expect(await given(...appealed, on.appealDecided('app-1', 'withdrawn', '2026-04-01'))).toMatchObject({
      stage: 'ceasing',
      ceasesOn: '2026-04-01',
    });
    expect(await given(...appealed, on.appealDecided('app-1', 'order', '2026-04-01'))).toMatchObject({
      stage: 'plan_maintained',
      ceasesOn: null,
    });
  });

  it('(2nd ed.) PlanTransferredIn: the child comes with the plan (reg 15), the case opens on the transfer date', async () => {
    const caseId = randomUUID();
    await harness.append(caseId, [on.transferredIn({ caseId, transferredOn: '2025-12-01' })]);
    await harness.project();
    const [row] = await harness.query<Record<string, unknown>>(
      `select stage, child_first_name as "childFirstName", child_last_name as "childLastName",
              child_date_of_birth::text as "childDateOfBirth", opened_by_request as "openedByRequest",
              request_received_on::text as "requestReceivedOn", ceases_on as "ceasesOn"
         from case_summary where case_id = $1`,
      [caseId],
    );
    expect(row).toEqual({
      stage: 'plan_maintained',
      childFirstName: 'Amelia',
      childLastName: 'Khan',
      childDateOfBirth: '2016-04-12',
      openedByRequest: false,
      requestReceivedOn: '2025-12-01',
      ceasesOn: null,
    });
  });
});

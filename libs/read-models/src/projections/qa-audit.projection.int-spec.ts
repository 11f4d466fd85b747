import { randomUUID } from 'node:crypto';
import { GOOD_SECTIONS, on } from '../../../domain/src/testing/case-events';
import { ProjectionHarness } from '../../../../test/support/projection.harness';

describe('qa_audit projection', () => {
  let harness: ProjectionHarness;
  beforeAll(async () => {
    harness = await ProjectionHarness.start('rm_qa');
  });
  afterAll(() => harness.close());

  it('QaAuditRecorded: one row per audit with its scores (null: not applicable) and derived grade', async () => {
    const caseId = randomUUID();
    const weak = { ...GOOD_SECTIONS, B: 'inadequate', C: 'outstanding', H1: 'requires_improvement' } as const;
    await harness.append(caseId, [
      on.requestReceived({ caseId, team: 'south', requestReceivedOn: '2025-01-06' }),
      on.assessed('2025-02-01'),
      on.toIssue('2025-04-01'),
      on.draftIssued('2025-04-07'),
      on.qaAudited('audit-1', '2025-04-10', weak, 'draft'),
      on.finalIssued('2025-05-20'),
      on.qaAudited('audit-2', '2025-06-01', GOOD_SECTIONS, 'final'),
    ]);
    await harness.project();
    const rows = await harness.query(
      `select id, case_id, audit_id, team, plan_version, audited_on::text, auditor_role, overall_grade,
              score_a, score_b, score_c, score_d, score_e, score_f, score_g, score_h1, score_h2, score_i,
              score_j, score_k, revision::int
         from qa_audit where case_id = $1 order by audited_on`,
      [caseId],
    );
    expect(rows).toEqual([
      {
        id: `${caseId}/audit-1`,
        case_id: caseId,
        audit_id: 'audit-1',
        team: 'south',
        plan_version: 'draft',
        audited_on: '2025-04-10',
        auditor_role: 'qa_officer',
        // B inadequate caps the grade at requires improvement (DOMAIN.md).
        overall_grade: 'requires_improvement',
        score_a: 3,
        score_b: 1,
        score_c: 4,
        score_d: null,
        score_e: 3,
        score_f: 3,
        score_g: null,
        score_h1: 2,
        score_h2: null,
        score_i: 3,
        score_j: null,
        score_k: 3,
        revision: 4,
      },
      expect.objectContaining({
        id: `${caseId}/audit-2`,
        plan_version: 'final',
        overall_grade: 'good',
        revision: 6,
      }),
    ]);
  });

  it('(2nd ed.) a corrected audit is written as it now stands; a voided one goes', async () => {
    const caseId = randomUUID();
    await harness.append(caseId, [
      on.requestReceived({ caseId, requestReceivedOn: '2025-01-06' }),
      on.assessed('2025-02-01'),
      on.toIssue('2025-04-01'),
      on.draftIssued('2025-04-07'),
      on.qaAudited('audit-1', '2025-04-10'),
      on.qaAudited('audit-2', '2025-04-11'),
      on.factCorrected(4, 'QaAuditRecorded', {
        auditedOn: '2025-04-09',
        'sections.B': 'inadequate',
        overallGrade: 'requires_improvement',
      }),
      on.factVoided(5, 'QaAuditRecorded', 'cor-2'),
      // A correction of another fact leaves the audits alone.
      on.factCorrected(3, 'DraftPlanIssued', { issuedOn: '2025-04-08' }, 'cor-3'),
      on.factVoided(1, 'AssessmentDecisionMade', 'cor-4'),
    ]);
    await harness.project();
    const rows = await harness.query(
      `select audit_id, audited_on::text, overall_grade, score_b, revision::int
         from qa_audit where case_id = $1 order by audit_id`,
      [caseId],
    );
    expect(rows).toEqual([
      {
        audit_id: 'audit-1',
        audited_on: '2025-04-09',
        overall_grade: 'requires_improvement',
        score_b: 1,
        revision: 6,
      },
    ]);
  });
});

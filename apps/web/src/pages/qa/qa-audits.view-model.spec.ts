import { auditsByPlanView, auditsFrom, type CaseEventView } from './qa-audits.view-model';

const sections = (overrides: Record<string, string> = {}) => ({
  A: 'good',
  B: 'good',
  C: 'not_applicable',
  D: 'not_applicable',
  E: 'good',
  F: 'good',
  G: 'not_applicable',
  H1: 'not_applicable',
  H2: 'not_applicable',
  I: 'good',
  J: 'not_applicable',
  K: 'good',
  ...overrides,
});

function audit(revision: number, data: Record<string, unknown>): CaseEventView {
  return {
    revision,
    type: 'QaAuditRecorded',
    recordedAt: '2025-06-02T10:00:00.000Z',
    data: {
      auditId: `a-${revision}`,
      auditorRole: 'qa_officer',
      actions: null,
      overallGrade: 'good',
      ...data,
    },
    metadata: { userId: 'qa-1' },
  };
}

const other: CaseEventView = {
  revision: 0,
  type: 'RequestReceived',
  recordedAt: '2025-01-06T10:00:00.000Z',
  data: {},
  metadata: { userId: 'cw-1' },
};

describe('auditsFrom', () => {
  it('reads the audits, applying corrections (grade and derived overall grade) and leaving out voided ones', () => {
    const events: CaseEventView[] = [
      other,
      audit(1, {
        planVersion: 'draft',
        auditedOn: '2025-05-01',
        sections: sections({ I: 'not_applicable' }),
      }),
      audit(2, { planVersion: 'final', auditedOn: '2025-06-02', sections: sections() }),
      {
        revision: 3,
        type: 'FactCorrected',
        recordedAt: '',
        data: {
          revision: 2,
          correctedType: 'QaAuditRecorded',
          changes: { 'sections.B': 'inadequate', overallGrade: 'requires_improvement' },
        },
        metadata: { userId: 'qa-1' },
      },
      {
        revision: 4,
        type: 'FactVoided',
        recordedAt: '',
        data: { revision: 1, voidedType: 'QaAuditRecorded' },
        metadata: { userId: 'qa-1' },
      },
    ];
    const audits = auditsFrom(events);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      revision: 2,
      planVersion: 'final',
      overallGrade: 'requires_improvement',
      corrected: true,
      recordedBy: 'qa-1',
    });
    expect(audits[0].sections.B).toBe('inadequate');
  });
});

describe('auditsByPlanView', () => {
  it('groups by plan version in the order draft, final, amended, newest audit first, empty groups left out', () => {
    const view = auditsByPlanView([
      other,
      audit(1, { planVersion: 'final', auditedOn: '2025-06-02', sections: sections() }),
      audit(2, {
        planVersion: 'draft',
        auditedOn: '2025-05-01',
        sections: sections({ I: 'not_applicable' }),
        actions: 'Fix E',
      }),
      audit(3, {
        planVersion: 'final',
        auditedOn: '2025-07-01',
        sections: sections({ E: 'inadequate' }),
        overallGrade: 'requires_improvement',
      }),
    ]);
    expect(view.total).toBe(3);
    expect(view.groups.map((g) => g.title)).toEqual(['Draft plan', 'Final plan']);
    const final = view.groups[1];
    expect(final.audits.map((a) => a.auditedOn)).toEqual(['2025-07-01', '2025-06-02']);
    expect(final.audits[0]).toMatchObject({
      auditorRole: 'QA officer',
      overallGrade: { text: 'Requires improvement', classes: 'govuk-tag--yellow' },
      actions: null,
    });
    expect(final.sectionRows.find((r) => r.section === 'E')?.grades.map((g) => g.text)).toEqual([
      'Inadequate',
      'Good',
    ]);
    expect(view.groups[0].audits[0].actions).toBe('Fix E');
  });

  it('has no groups for a case without audits', () => {
    expect(auditsByPlanView([other])).toEqual({ total: 0, groups: [] });
  });
});

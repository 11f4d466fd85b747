import type { PlanVersion } from '../../ehcp-case/ehcp-case.vocabulary';
import type { EhcpCaseEvent } from '../../ehcp-case/ehcp-case.events';
import type { QaGrade, QaSections } from '../../qa/qa-grade';
import { DRAFT_SECTIONS, GOOD_SECTIONS, on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const audit = (
  planVersion: PlanVersion,
  auditedOn: string,
  sections: QaSections = GOOD_SECTIONS,
  auditId = 'qa-2',
) =>
  command('RecordQaAudit', {
    auditId,
    planVersion,
    auditedOn,
    auditorRole: 'education',
    sections,
    actions: 'Tighten F',
  });

const recorded = (
  planVersion: PlanVersion,
  auditedOn: string,
  sections: QaSections,
  overallGrade: QaGrade,
): Extract<EhcpCaseEvent, { type: 'QaAuditRecorded' }> => ({
  type: 'QaAuditRecorded',
  data: {
    auditId: 'qa-2',
    planVersion,
    auditedOn,
    auditorRole: 'education',
    sections,
    actions: 'Tighten F',
    overallGrade,
  },
});

const amended = [
  ...history.planMaintained,
  on.noticeIssued('not-1', '2026-06-01'),
  on.amendmentRepresentations('not-1', '2026-06-05'),
  on.amendedIssued('not-1', '2026-06-10'),
];

describe('RecordQaAudit', () => {
  it('audits the draft and records the derived overall grade', () => {
    given(history.draftIssued)
      .when(audit('draft', '2025-12-23', DRAFT_SECTIONS))
      .then([recorded('draft', '2025-12-23', DRAFT_SECTIONS, 'good')]);
  });

  // Issue 14: a QA audit of a draft with section I not_applicable was refused.
  it('refuses a draft audit grading section I: QA_SECTION_GRADE_INVALID (CFA 2014 s38(5): a draft names no placement)', () => {
    given(history.draftIssued)
      .when(audit('draft', '2025-12-23', GOOD_SECTIONS))
      .thenThrows('QA_SECTION_GRADE_INVALID', 'sections.I');
  });

  it('refuses a final or amended plan audit with section I not_applicable: QA_SECTION_GRADE_INVALID (reg 12(1)(i))', () => {
    given(history.planMaintained)
      .when(audit('final', '2026-01-20', DRAFT_SECTIONS))
      .thenThrows('QA_SECTION_GRADE_INVALID', 'sections.I');
    given(amended)
      .when(audit('amended', '2026-06-10', DRAFT_SECTIONS))
      .thenThrows('QA_SECTION_GRADE_INVALID', 'sections.I');
  });

  it('caps the overall grade when F is inadequate', () => {
    const sections: QaSections = { ...GOOD_SECTIONS, A: 'outstanding', F: 'inadequate', K: 'outstanding' };
    given(history.planMaintained)
      .when(audit('final', '2026-01-20', sections))
      .then([recorded('final', '2026-01-20', sections, 'requires_improvement')]);
  });

  it('audits an amended plan, and audits on a closed case (DOMAIN.md: at any time after a draft)', () => {
    given(amended)
      .when(audit('amended', '2026-06-10'))
      .then([recorded('amended', '2026-06-10', GOOD_SECTIONS, 'good')]);
    given([...history.planMaintained, on.closed('2026-05-01')])
      .when(audit('final', '2026-05-02'))
      .then([recorded('final', '2026-05-02', GOOD_SECTIONS, 'good')]);
  });

  it('defaults absent actions to null', () => {
    const noActions = command('RecordQaAudit', {
      auditId: 'qa-2',
      planVersion: 'draft',
      auditedOn: '2025-12-23',
      auditorRole: 'qa_officer',
      sections: DRAFT_SECTIONS,
    });
    given(history.draftIssued)
      .when(noActions)
      .then([
        {
          type: 'QaAuditRecorded',
          data: {
            ...recorded('draft', '2025-12-23', DRAFT_SECTIONS, 'good').data,
            auditorRole: 'qa_officer',
            actions: null,
          },
        },
      ]);
  });

  it('refuses an audit before a draft exists: QA_AUDIT_BEFORE_DRAFT', () => {
    given(history.drafting)
      .when(audit('draft', '2025-12-20', DRAFT_SECTIONS))
      .thenThrows('QA_AUDIT_BEFORE_DRAFT');
    given(history.draftIssued)
      .when(audit('draft', '2025-12-21', DRAFT_SECTIONS))
      .thenThrows('QA_AUDIT_BEFORE_DRAFT');
  });

  it('refuses an audit of a final plan not yet issued: QA_AUDIT_BEFORE_FINAL_PLAN', () => {
    given(history.draftIssued).when(audit('final', '2025-12-23')).thenThrows('QA_AUDIT_BEFORE_FINAL_PLAN');
    given(history.planMaintained).when(audit('final', '2026-01-11')).thenThrows('QA_AUDIT_BEFORE_FINAL_PLAN');
  });

  it('refuses an audit of an amended plan not yet issued: QA_AUDIT_BEFORE_AMENDED_PLAN', () => {
    given(history.planMaintained)
      .when(audit('amended', '2026-02-01'))
      .thenThrows('QA_AUDIT_BEFORE_AMENDED_PLAN');
    given(amended).when(audit('amended', '2026-06-09')).thenThrows('QA_AUDIT_BEFORE_AMENDED_PLAN');
  });

  it('refuses a used audit id: AUDIT_ALREADY_EXISTS', () => {
    given([...history.draftIssued, on.qaAudited('qa-2')])
      .when(audit('draft', '2025-12-24', DRAFT_SECTIONS))
      .thenThrows('AUDIT_ALREADY_EXISTS');
  });

  it('refuses not_applicable for a section that must be graded: QA_SECTION_GRADE_INVALID', () => {
    given(history.draftIssued)
      .when(audit('draft', '2025-12-23', { ...DRAFT_SECTIONS, B: 'not_applicable' }))
      .thenThrows('QA_SECTION_GRADE_INVALID');
  });
});

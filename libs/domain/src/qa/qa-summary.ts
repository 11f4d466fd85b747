import { oneDecimal, percentage } from '../shared/ratio';
import {
  isGoodOrBetter,
  QA_GRADES,
  QA_SECTIONS,
  scoreOf,
  type QaGrade,
  type QaSection,
  type QaSections,
} from './qa-grade';

// Managers' QA figures (DOMAIN.md, API.md GET /qa/summary), as a pure function of audit rows.

export interface QaAuditRow {
  readonly caseId: string;
  readonly sections: QaSections;
  readonly overallGrade: QaGrade;
}

export interface QaSectionSummary {
  /** Mean score 1..4 of the section where graded, one decimal; null when never graded. */
  readonly averageScore: number | null;
  readonly inadequate: number;
}

export interface QaSummary {
  readonly audits: number;
  readonly goodOrBetterPct: number | null;
  readonly grades: { readonly [G in QaGrade]: number };
  readonly sections: { readonly [S in QaSection]: QaSectionSummary };
  /** Share of the new final plans' cases with at least one of the given audits; null with no new plans. */
  readonly coveragePct: number | null;
}

export function qaSummaryOf(audits: readonly QaAuditRow[], newPlanCaseIds: readonly string[]): QaSummary {
  const grades = Object.fromEntries(
    QA_GRADES.map((grade) => [grade, audits.filter((a) => a.overallGrade === grade).length]),
  ) as { [G in QaGrade]: number };
  const sections = Object.fromEntries(QA_SECTIONS.map((s) => [s, sectionSummary(audits, s)])) as {
    [S in QaSection]: QaSectionSummary;
  };
  const audited = new Set(audits.map((a) => a.caseId));
  const newPlans = new Set(newPlanCaseIds);
  return {
    audits: audits.length,
    goodOrBetterPct: percentage(audits.filter((a) => isGoodOrBetter(a.overallGrade)).length, audits.length),
    grades,
    sections,
    coveragePct: percentage([...newPlans].filter((caseId) => audited.has(caseId)).length, newPlans.size),
  };
}

function sectionSummary(audits: readonly QaAuditRow[], section: QaSection): QaSectionSummary {
  const scores = audits.flatMap((a) => {
    const score = scoreOf(a.sections[section]);
    return score === null ? [] : [score];
  });
  const total = scores.reduce((sum, score) => sum + score, 0);
  return {
    averageScore: oneDecimal(total, scores.length),
    inadequate: scores.filter((score) => score === 1).length,
  };
}

import type { PlanVersion } from '../ehcp-case/ehcp-case.vocabulary';
import { DomainError } from '../shared/domain-error';

// QA audit grading (DOMAIN.md "Quality assurance audits"): sections graded on the Ofsted scale,
// the overall grade derived, never typed in.

export const QA_SECTIONS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H1', 'H2', 'I', 'J', 'K'] as const;
export type QaSection = (typeof QA_SECTIONS)[number];

export const QA_GRADES = ['outstanding', 'good', 'requires_improvement', 'inadequate'] as const;
/** A grade on the Ofsted scale. */
export type QaGrade = (typeof QA_GRADES)[number];
/** A section's grade as entered: a grade, or `not_applicable` for the sections that may be. */
export type QaSectionGrade = QaGrade | 'not_applicable';

/** Health (C, G), social care (D, H1, H2) and personal budget (J) may not apply to a child. */
export const OPTIONAL_QA_SECTIONS: readonly QaSection[] = ['C', 'D', 'G', 'H1', 'H2', 'J'];

/**
 * Section I names the placement (SEND Regulations 2014 reg 12(1)(i)): a draft never does (CFA 2014
 * s38(5)), a final or amended plan always does. Whether it is graded depends on the audited version.
 */
export const PLACEMENT_QA_SECTION: QaSection = 'I';

/** The sections of one audit. Sections that must always be graded cannot be `not_applicable`. */
export type QaSections = { readonly [S in QaSection]: QaSectionGrade };

/** Needs (B), outcomes (E) and provision (F) are the heart of a plan: they weigh double. */
export const QA_SECTION_WEIGHTS: { readonly [S in QaSection]: number } = {
  A: 1,
  B: 2,
  C: 1,
  D: 1,
  E: 2,
  F: 2,
  G: 1,
  H1: 1,
  H2: 1,
  I: 1,
  J: 1,
  K: 1,
};

const SCORES: { readonly [G in QaGrade]: number } = {
  outstanding: 4,
  good: 3,
  requires_improvement: 2,
  inadequate: 1,
};
const GRADE_OF_SCORE: readonly QaGrade[] = ['inadequate', 'requires_improvement', 'good', 'outstanding'];

/** The Ofsted score of a section grade (4..1), or null when the section does not apply. */
export function scoreOf(grade: QaSectionGrade): number | null {
  return grade === 'not_applicable' ? null : SCORES[grade];
}

/** The grade of an integer score 1..4. */
export function gradeOfScore(score: number): QaGrade {
  const grade = GRADE_OF_SCORE[score - 1];
  if (grade === undefined) throw new RangeError(`No QA grade has score ${score}`);
  return grade;
}

/** True for `good` and `outstanding`: the "good or better" share managers watch. */
export function isGoodOrBetter(grade: QaGrade): boolean {
  return SCORES[grade] >= SCORES.good;
}

/**
 * Refuses grades off the scale, and `not_applicable` for the sections every plan states (A, B, E, F,
 * K: views, needs, outcomes, provision, advice). As those are always graded, an audit never lacks a
 * graded section and the overall grade is always defined. Section I depends on the audited version:
 * see assertPlacementSection.
 */
export function assertValidSections(sections: QaSections): void {
  for (const section of QA_SECTIONS) {
    const grade = sections[section];
    const mayNotApply = OPTIONAL_QA_SECTIONS.includes(section) || section === PLACEMENT_QA_SECTION;
    const allowed = [...QA_GRADES, ...(mayNotApply ? ['not_applicable'] : [])];
    if (!allowed.includes(grade)) {
      throw new DomainError(
        'QA_SECTION_GRADE_INVALID',
        `Section ${section} cannot be graded '${String(grade)}'` +
          (mayNotApply ? '' : ': it must always be graded'),
        `sections.${section}`,
      );
    }
  }
}

/**
 * DOMAIN.md (2nd ed.): in an audit of a draft, section I must be `not_applicable`, since a draft never
 * names a placement (CFA 2014 s38(5)); in an audit of a final or amended plan, which names it (reg
 * 12(1)(i)), it must be graded. QA_SECTION_GRADE_INVALID naming `sections.I` otherwise.
 */
export function assertPlacementSection(sections: QaSections, version: PlanVersion): void {
  const field = `sections.${PLACEMENT_QA_SECTION}`;
  const graded = sections[PLACEMENT_QA_SECTION] !== 'not_applicable';
  if (version === 'draft' && graded)
    throw new DomainError(
      'QA_SECTION_GRADE_INVALID',
      "Section I of a draft must be 'not_applicable': a draft never names a placement (CFA 2014 s38(5))",
      field,
    );
  if (version !== 'draft' && !graded)
    throw new DomainError(
      'QA_SECTION_GRADE_INVALID',
      `Section I of the ${version} plan must be graded: it names the placement (reg 12(1)(i))`,
      field,
    );
}

/**
 * Overall grade (DOMAIN.md): the weighted mean of the graded sections (B, E, F weigh 2, others 1),
 * rounded to the nearest grade with x.5 rounding up, then capped at `requires_improvement` when B or
 * F is inadequate. Integer arithmetic keeps the x.5 boundary exact.
 */
export function overallGradeOf(sections: QaSections): QaGrade {
  assertValidSections(sections);
  let weightedSum = 0;
  let totalWeight = 0;
  for (const section of QA_SECTIONS) {
    const score = scoreOf(sections[section]);
    if (score === null) continue;
    weightedSum += QA_SECTION_WEIGHTS[section] * score;
    totalWeight += QA_SECTION_WEIGHTS[section];
  }
  // round(sum / weight) with halves up == floor((2 * sum + weight) / (2 * weight)).
  const rounded = Math.floor((2 * weightedSum + totalWeight) / (2 * totalWeight));
  const capped =
    sections.B === 'inadequate' || sections.F === 'inadequate'
      ? Math.min(rounded, SCORES.requires_improvement)
      : rounded;
  return gradeOfScore(capped);
}

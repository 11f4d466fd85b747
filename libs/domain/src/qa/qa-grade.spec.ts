import { DomainError } from '../shared/domain-error';
import { GOOD_SECTIONS } from '../testing/case-events';
import {
  assertPlacementSection,
  gradeOfScore,
  isGoodOrBetter,
  overallGradeOf,
  scoreOf,
  type QaSections,
} from './qa-grade';

const allRequiresImprovement: QaSections = {
  A: 'requires_improvement',
  B: 'requires_improvement',
  C: 'requires_improvement',
  D: 'not_applicable',
  E: 'requires_improvement',
  F: 'requires_improvement',
  G: 'not_applicable',
  H1: 'not_applicable',
  H2: 'not_applicable',
  I: 'requires_improvement',
  J: 'not_applicable',
  K: 'requires_improvement',
};
// A, B (x2), C, E (x2), F (x2), I, K are graded: total weight 10.

describe('overallGradeOf (DOMAIN.md: weighted mean, B/E/F weigh 2, x.5 rounds up, capped when B or F inadequate)', () => {
  it('all good is good', () => {
    expect(overallGradeOf(GOOD_SECTIONS)).toBe('good');
  });

  it('weights B, E and F double: 6 x 4 + 3 x 2 over 9 = 3.33 is good', () => {
    const sections: QaSections = {
      ...allRequiresImprovement,
      C: 'not_applicable',
      B: 'outstanding',
      E: 'outstanding',
      F: 'outstanding',
    };
    expect(overallGradeOf(sections)).toBe('good');
  });

  it('with equal weights the same grades would round differently: A weighs 1', () => {
    const sections: QaSections = {
      ...allRequiresImprovement,
      A: 'outstanding',
      I: 'outstanding',
      K: 'outstanding',
    };
    // (2*7 + 4*3) / 10 = 2.6 -> good; B outstanding instead of A would weigh double.
    expect(overallGradeOf(sections)).toBe('good');
    expect(overallGradeOf({ ...allRequiresImprovement, A: 'outstanding' })).toBe('requires_improvement'); // 2.2
  });

  it('rounds 2.5 up to good', () => {
    // 20 + A +2, I +1, K +1, C +1 = 25 / 10
    expect(
      overallGradeOf({ ...allRequiresImprovement, A: 'outstanding', I: 'good', K: 'good', C: 'good' }),
    ).toBe('good');
  });

  it('rounds 3.5 up to outstanding and 3.4 down to good', () => {
    const threes: QaSections = {
      ...allRequiresImprovement,
      A: 'good',
      B: 'good',
      C: 'good',
      E: 'good',
      F: 'good',
      I: 'good',
      K: 'good',
    };
    expect(
      overallGradeOf({ ...threes, B: 'outstanding', A: 'outstanding', I: 'outstanding', K: 'outstanding' }),
    ).toBe('outstanding');
    expect(overallGradeOf({ ...threes, B: 'outstanding', A: 'outstanding', I: 'outstanding' })).toBe('good');
  });

  it('rounds 1.5 up to requires_improvement', () => {
    const ones: QaSections = {
      ...allRequiresImprovement,
      A: 'inadequate',
      C: 'inadequate',
      E: 'inadequate',
      I: 'inadequate',
      K: 'inadequate',
      B: 'good',
      F: 'requires_improvement',
    };
    // A1 + B3x2 + C1 + E1x2 + F2x2 + I1 + K1 = 1+6+1+2+4+1+1 = 16 -> 1.6
    expect(overallGradeOf(ones)).toBe('requires_improvement');
    expect(overallGradeOf({ ...ones, F: 'inadequate', B: 'requires_improvement' })).toBe('inadequate'); // 12 / 10 = 1.2
  });

  it.each(['B', 'F'] as const)(
    'caps at requires_improvement when %s is inadequate, however good the rest',
    (section) => {
      const outstanding: QaSections = {
        ...allRequiresImprovement,
        A: 'outstanding',
        B: 'outstanding',
        C: 'outstanding',
        E: 'outstanding',
        F: 'outstanding',
        I: 'outstanding',
        K: 'outstanding',
      };
      expect(overallGradeOf(outstanding)).toBe('outstanding');
      expect(overallGradeOf({ ...outstanding, [section]: 'inadequate' })).toBe('requires_improvement');
    },
  );

  it('an inadequate E lowers the mean but does not cap', () => {
    const outstanding: QaSections = {
      ...allRequiresImprovement,
      A: 'outstanding',
      B: 'outstanding',
      C: 'outstanding',
      E: 'inadequate',
      F: 'outstanding',
      I: 'outstanding',
      K: 'outstanding',
    };
    expect(overallGradeOf(outstanding)).toBe('good'); // 34 / 10
  });

  it('ignores not_applicable sections (C, D, G, H1, H2, J)', () => {
    expect(overallGradeOf({ ...GOOD_SECTIONS, C: 'inadequate' })).toBe('good');
    expect(overallGradeOf(GOOD_SECTIONS)).toBe(overallGradeOf({ ...GOOD_SECTIONS, D: 'not_applicable' }));
  });

  it.each(['A', 'B', 'E', 'F', 'K'] as const)(
    'refuses not_applicable for %s (invalid QA_SECTION_GRADE_INVALID, naming the section)',
    (section) => {
      const attempt = () => overallGradeOf({ ...GOOD_SECTIONS, [section]: 'not_applicable' });
      expect(attempt).toThrow(DomainError);
      expect(attempt).toThrow(
        expect.objectContaining({
          code: 'QA_SECTION_GRADE_INVALID',
          kind: 'invalid',
          field: `sections.${section}`,
        }),
      );
    },
  );

  it('ignores section I when not_applicable (its rule depends on the plan version: assertPlacementSection)', () => {
    expect(overallGradeOf({ ...GOOD_SECTIONS, I: 'not_applicable', A: 'outstanding' })).toBe('good');
  });

  it('refuses a grade off the scale', () => {
    expect(() => overallGradeOf({ ...GOOD_SECTIONS, C: 'excellent' } as unknown as QaSections)).toThrow(
      DomainError,
    );
  });
});

describe('assertPlacementSection (DOMAIN.md 2nd ed.: section I is not_applicable in a draft, graded otherwise)', () => {
  const draft: QaSections = { ...GOOD_SECTIONS, I: 'not_applicable' };

  it('takes a draft audit with section I not_applicable: a draft never names a placement (CFA 2014 s38(5))', () => {
    expect(() => assertPlacementSection(draft, 'draft')).not.toThrow();
  });

  it.each(['outstanding', 'good', 'requires_improvement', 'inadequate'] as const)(
    'refuses a draft audit grading section I %s (QA_SECTION_GRADE_INVALID, sections.I)',
    (grade) => {
      expect(() => assertPlacementSection({ ...draft, I: grade }, 'draft')).toThrow(
        expect.objectContaining({ code: 'QA_SECTION_GRADE_INVALID', kind: 'invalid', field: 'sections.I' }),
      );
    },
  );

  it.each(['final', 'amended'] as const)(
    'takes a graded section I in a %s plan audit and refuses not_applicable (reg 12(1)(i): the plan names the placement)',
    (version) => {
      expect(() => assertPlacementSection(GOOD_SECTIONS, version)).not.toThrow();
      expect(() => assertPlacementSection(draft, version)).toThrow(
        expect.objectContaining({ code: 'QA_SECTION_GRADE_INVALID', kind: 'invalid', field: 'sections.I' }),
      );
    },
  );
});

describe('section score helpers', () => {
  it('scores the Ofsted scale 4..1, not_applicable has no score', () => {
    expect(
      ['outstanding', 'good', 'requires_improvement', 'inadequate', 'not_applicable'].map((g) =>
        scoreOf(g as never),
      ),
    ).toEqual([4, 3, 2, 1, null]);
  });

  it('maps scores back to grades and refuses others', () => {
    expect([1, 2, 3, 4].map(gradeOfScore)).toEqual([
      'inadequate',
      'requires_improvement',
      'good',
      'outstanding',
    ]);
    expect(() => gradeOfScore(5)).toThrow(RangeError);
  });

  it('good or better', () => {
    expect(isGoodOrBetter('good')).toBe(true);
    expect(isGoodOrBetter('outstanding')).toBe(true);
    expect(isGoodOrBetter('requires_improvement')).toBe(false);
  });
});

import { GOOD_SECTIONS } from '../testing/case-events';
import { qaSummaryOf } from './qa-summary';

describe('qaSummaryOf', () => {
  it('gives the share good or better, the grade distribution, section scores and audit coverage', () => {
    const summary = qaSummaryOf(
      [
        { caseId: 'c1', sections: GOOD_SECTIONS, overallGrade: 'good' },
        {
          caseId: 'c1',
          sections: { ...GOOD_SECTIONS, F: 'inadequate', C: 'outstanding' },
          overallGrade: 'requires_improvement',
        },
        { caseId: 'c2', sections: { ...GOOD_SECTIONS, F: 'outstanding' }, overallGrade: 'outstanding' },
      ],
      ['c1', 'c3', 'c4'],
    );
    expect(summary).toMatchObject({
      audits: 3,
      goodOrBetterPct: 66.7,
      grades: { outstanding: 1, good: 1, requires_improvement: 1, inadequate: 0 },
      coveragePct: 33.3,
    });
    expect(summary.sections.F).toEqual({ averageScore: 2.7, inadequate: 1 });
    expect(summary.sections.C).toEqual({ averageScore: 4, inadequate: 0 });
    expect(summary.sections.D).toEqual({ averageScore: null, inadequate: 0 });
  });

  it('has no percentages without audits or new plans', () => {
    expect(qaSummaryOf([], [])).toMatchObject({ audits: 0, goodOrBetterPct: null, coveragePct: null });
  });
});

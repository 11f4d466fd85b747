import {
  defaultFrom,
  foundCaseRows,
  isCaseId,
  periodFrom,
  qaSummaryView,
  searchProblem,
  teamItems,
} from './qa-start.view-model';
import { stageLabel } from './qa-labels';

describe('periodFrom', () => {
  it('defaults to the last 12 months to today, as the api does', () => {
    expect(periodFrom({}, '2026-12-06')).toEqual({
      from: '2025-12-07',
      to: '2026-12-06',
      fields: { from: { day: '7', month: '12', year: '2025' }, to: { day: '6', month: '12', year: '2026' } },
      errors: [],
    });
    expect(defaultFrom('2024-02-29')).toBe('2023-03-01');
  });

  it('reads the date inputs, or ISO dates from a link', () => {
    const fromBoxes = periodFrom(
      {
        'from-day': '1',
        'from-month': '4',
        'from-year': '2025',
        'to-day': '31',
        'to-month': '3',
        'to-year': '2026',
      },
      '2026-12-06',
    );
    expect([fromBoxes.from, fromBoxes.to, fromBoxes.errors]).toEqual(['2025-04-01', '2026-03-31', []]);
    const fromLink = periodFrom({ from: '2025-04-01', to: '2025-06-30' }, '2026-12-06');
    expect([fromLink.from, fromLink.to]).toEqual(['2025-04-01', '2025-06-30']);
  });

  it('names a date that is not real, and a start after the end', () => {
    expect(
      periodFrom({ 'from-day': '31', 'from-month': '2', 'from-year': '2025' }, '2026-12-06').errors,
    ).toEqual([
      { field: 'from', message: 'The start of the period must be a real date, for example 1 4 2025' },
    ]);
    expect(periodFrom({ from: '2026-06-01', to: '2026-01-01' }, '2026-12-06').errors).toEqual([
      { field: 'from', message: 'The start of the period must be on or before its end' },
    ]);
  });
});

describe('qaSummaryView', () => {
  it('shows the key figures, the grade shares and the weakest sections', () => {
    const view = qaSummaryView({
      audits: 4,
      goodOrBetterPct: 75,
      grades: { outstanding: 1, good: 2, requires_improvement: 1, inadequate: 0 },
      sections: {
        A: { averageScore: 3, inadequate: 0 },
        B: { averageScore: 2.5, inadequate: 1 },
        E: { averageScore: 2.5, inadequate: 2 },
        F: { averageScore: 1.8, inadequate: 2 },
        C: { averageScore: null, inadequate: 0 },
      },
      coveragePct: null,
    });
    expect(view.goodOrBetter).toBe('75%');
    expect(view.coverage).toBe('No figure');
    expect(view.grades).toEqual([
      { grade: 'Outstanding', count: 1, share: '25%' },
      { grade: 'Good', count: 2, share: '50%' },
      { grade: 'Requires improvement', count: 1, share: '25%' },
      { grade: 'Inadequate', count: 0, share: '0%' },
    ]);
    expect(view.weakest).toEqual([
      'F (Special educational provision)',
      'E (Outcomes)',
      'B (Special educational needs)',
    ]);
    expect(view.sections.find((s) => s.section === 'C')?.averageScore).toBe('Not graded');
    expect(view.sections.find((s) => s.section === 'A')?.averageScore).toBe('3.0');
  });

  it('has no shares without audits', () => {
    const view = qaSummaryView({
      audits: 0,
      goodOrBetterPct: null,
      grades: { outstanding: 0, good: 0, requires_improvement: 0, inadequate: 0 },
      sections: {},
      coveragePct: 0,
    });
    expect(view.grades[0].share).toBe('No figure');
    expect(view.weakest).toEqual([]);
    expect(view.coverage).toBe('0%');
  });
});

describe('finding a plan', () => {
  it('tells a case id from a search', () => {
    expect(isCaseId('0b6f1f5e-8d1c-4a4e-9a4b-2f7f2b1c9d10')).toBe(true);
    expect(isCaseId('EHC-2025-0042')).toBe(false);
    expect(searchProblem('x'.repeat(101))?.field).toBe('q');
    expect(searchProblem('Sam')).toBeUndefined();
  });

  it('shows each case found with its child, or that the data was erased', () => {
    expect(
      foundCaseRows([
        {
          caseId: 'c1',
          reference: 'R1',
          team: 'north',
          stage: 'draft_issued',
          child: { firstName: 'Sam', lastName: 'Jones', dateOfBirth: '2015-01-06' },
        },
        { caseId: 'c2', reference: null, team: 'north', stage: 'something_new', child: null },
      ]),
    ).toEqual([
      {
        caseId: 'c1',
        reference: 'R1',
        child: 'Sam Jones',
        dateOfBirth: '2015-01-06',
        team: 'north',
        stage: 'Draft plan issued',
      },
      {
        caseId: 'c2',
        reference: 'No reference',
        child: 'Personal data erased',
        dateOfBirth: null,
        team: 'north',
        stage: 'something new',
      },
    ]);
    expect(stageLabel('plan_maintained')).toBe('Plan maintained');
  });

  it('offers all the user’s teams or one of them', () => {
    expect(teamItems([{ code: 'north', name: 'North team' }], 'north')).toEqual([
      { value: '', text: 'All your teams', selected: false },
      { value: 'north', text: 'North team', selected: true },
    ]);
  });
});

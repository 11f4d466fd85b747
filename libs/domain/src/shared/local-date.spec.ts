import { daysBetween, isIsoDate, plusDays, plusYearMinusDay } from './local-date';

// DOMAIN.md "Dates and counting": "In the period of 12 months starting with D" ends on D + 1 year - 1
// day; (2nd ed.) the 12 months starting with 29 Feb end on 28 Feb, like those starting on 1 March.
describe('plusYearMinusDay: the last day of the 12 months starting with D', () => {
  it.each([
    ['2019-01-01', '2019-12-31'],
    ['2025-01-10', '2026-01-09'],
    ['2025-12-31', '2026-12-30'],
    ['2024-02-29', '2025-02-28'],
    ['2024-03-01', '2025-02-28'],
    ['2024-02-28', '2025-02-27'],
    ['2023-03-01', '2024-02-29'],
    ['2023-02-28', '2024-02-27'],
    ['2028-02-29', '2029-02-28'],
    ['2100-02-28', '2101-02-27'],
  ])('from %s to %s', (start, end) => {
    expect(plusYearMinusDay(start)).toBe(end);
  });
});

describe('ISO dates read without the general parser', () => {
  it('accepts real calendar dates only, as LocalDate.parse does', () => {
    expect(['2024-02-29', '0000-02-29', '1999-12-31'].filter(isIsoDate)).toEqual([
      '2024-02-29',
      '0000-02-29',
      '1999-12-31',
    ]);
    expect(['2025-02-29', '2025-13-01', '2025-04-31', '2025-00-10', '2025-1-01'].filter(isIsoDate)).toEqual(
      [],
    );
  });

  it('does the same arithmetic, and refuses a date that does not exist', () => {
    expect(plusDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(plusDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(() => plusDays('2025-02-29', 1)).toThrow();
  });
});

import { govukDate } from './govuk-date.filter';

describe('govukDate', () => {
  it('writes a date the GOV.UK way', () => {
    expect(govukDate('2025-01-06')).toBe('6 January 2025');
    expect(govukDate('2024-12-31')).toBe('31 December 2024');
  });

  it('takes the date of an ISO instant as written, not through the server zone', () => {
    expect(govukDate('2025-03-30T23:30:00Z')).toBe('30 March 2025');
  });

  it('leaves empty values empty and other text as it is', () => {
    expect(govukDate(undefined)).toBe('');
    expect(govukDate(null)).toBe('');
    expect(govukDate('')).toBe('');
    expect(govukDate('not a date')).toBe('not a date');
    expect(govukDate('2025-13-01')).toBe('2025-13-01');
  });
});

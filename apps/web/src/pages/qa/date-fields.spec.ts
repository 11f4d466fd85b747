import { datePartsOf, isBlank, isoDateOf, partsOfIso } from './date-fields';

describe('date fields', () => {
  it('reads the three boxes of a date input, trimmed', () => {
    expect(
      datePartsOf({ 'auditedOn-day': ' 2', 'auditedOn-month': '6 ', 'auditedOn-year': '2025' }, 'auditedOn'),
    ).toEqual({
      day: '2',
      month: '6',
      year: '2025',
    });
    expect(isBlank(datePartsOf({}, 'from'))).toBe(true);
  });

  it('makes an ISO date of a real calendar date only', () => {
    expect(isoDateOf({ day: '2', month: '6', year: '2025' })).toBe('2025-06-02');
    expect(isoDateOf({ day: '29', month: '2', year: '2024' })).toBe('2024-02-29');
    expect(isoDateOf({ day: '29', month: '2', year: '2025' })).toBeNull();
    expect(isoDateOf({ day: '1', month: '13', year: '2025' })).toBeNull();
    expect(isoDateOf({ day: '1', month: '1', year: '25' })).toBeNull();
    expect(isoDateOf({ day: 'x', month: '1', year: '2025' })).toBeNull();
  });

  it('gives an ISO date back as boxes', () => {
    expect(partsOfIso('2025-01-06')).toEqual({ day: '6', month: '1', year: '2025' });
  });
});

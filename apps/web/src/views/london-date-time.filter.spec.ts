import { londonDateTime } from './london-date-time.filter';

describe('londonDateTime (mojDate)', () => {
  it('writes an instant in London time, GOV.UK style', () => {
    expect(londonDateTime('2025-01-06T14:05:00Z')).toBe('6 January 2025 at 2:05pm');
    expect(londonDateTime('2025-01-06T00:30:00Z', 'datetime')).toBe('6 January 2025 at 12:30am');
    expect(londonDateTime('2025-01-06T12:00:00Z')).toBe('6 January 2025 at 12:00pm');
  });

  it('moves to British Summer Time: late evening UTC is the next day in London', () => {
    expect(londonDateTime('2025-07-01T23:30:00Z')).toBe('2 July 2025 at 12:30am');
    expect(londonDateTime('2025-07-01T23:30:00Z', 'date')).toBe('2 July 2025');
  });

  it('leaves what is not a date as it was', () => {
    expect(londonDateTime('not a date')).toBe('not a date');
    expect(londonDateTime(undefined)).toBe('');
  });
});

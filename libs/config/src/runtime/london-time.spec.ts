import { londonDate, londonInstant } from './london-time';

describe('londonInstant', () => {
  it.each([
    ['GMT in winter', '2026-01-15', '07:00', '2026-01-15T07:00:00.000Z'],
    ['BST in summer', '2026-07-15', '07:00', '2026-07-15T06:00:00.000Z'],
    ['the day clocks go forward (29 Mar 2026, 01:00 GMT)', '2026-03-29', '07:00', '2026-03-29T06:00:00.000Z'],
    ['the day before clocks go forward', '2026-03-28', '07:00', '2026-03-28T07:00:00.000Z'],
    ['the day clocks go back (25 Oct 2026, 02:00 BST)', '2026-10-25', '07:00', '2026-10-25T07:00:00.000Z'],
    ['the day before clocks go back', '2026-10-24', '07:00', '2026-10-24T06:00:00.000Z'],
    ['midnight in BST', '2026-06-01', '00:00', '2026-05-31T23:00:00.000Z'],
    [
      'a time skipped by the change: read with the old offset',
      '2026-03-29',
      '01:30',
      '2026-03-29T01:30:00.000Z',
    ],
    ['a time that happens twice: its first occurrence', '2026-10-25', '01:30', '2026-10-25T00:30:00.000Z'],
  ])('%s', (_case, date, time, expected) => {
    expect(londonInstant(date, time).toISOString()).toBe(expected);
  });
});

describe('londonDate', () => {
  it.each([
    ['2026-06-30T23:30:00.000Z', '2026-07-01'],
    ['2026-12-31T23:30:00.000Z', '2026-12-31'],
    ['2026-03-29T00:59:59.000Z', '2026-03-29'],
    ['2026-10-24T23:00:00.000Z', '2026-10-25'],
  ])('%s is %s in London', (instant, expected) => {
    expect(londonDate(new Date(instant))).toBe(expected);
  });

  it('answers each instant of an hour alike, and the hour either side of midnight apart', () => {
    // Summer: London's midnight is 23:00 UTC.
    expect(
      ['2026-07-01T22:59:59.999Z', '2026-07-01T23:00:00.000Z', '2026-07-01T23:59:59.999Z'].map((instant) =>
        londonDate(new Date(instant)),
      ),
    ).toEqual(['2026-07-01', '2026-07-02', '2026-07-02']);
  });
});

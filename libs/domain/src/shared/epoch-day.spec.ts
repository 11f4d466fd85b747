import { ChronoUnit, LocalDate } from '@js-joda/core';
import fc from 'fast-check';
import { epochDayOfIso, isoOfEpochDay } from './epoch-day';
import { daysBetween, plusDays, plusYearMinusDay } from './local-date';

// The epoch-day arithmetic stands in for js-joda's LocalDate on the hot paths: it must agree with it
// on every date it reads, to the day, and read nothing js-joda would refuse.

const FIRST = LocalDate.parse('0000-01-01').toEpochDay();
const LAST = LocalDate.parse('9999-12-31').toEpochDay();
const epochDay = fc.integer({ min: FIRST, max: LAST });
const isoDate = epochDay.map((day) => LocalDate.ofEpochDay(day).toString());

describe('epoch days: the calendar js-joda counts in', () => {
  it('Given any day of years 0000-9999, When written and read back, Then js-joda agrees both ways', () => {
    fc.assert(
      fc.property(epochDay, (day) => {
        const iso = LocalDate.ofEpochDay(day).toString();
        expect(isoOfEpochDay(day)).toBe(iso);
        expect(epochDayOfIso(iso)).toBe(day);
      }),
      { numRuns: 5000 },
    );
  });

  it('Given every day around leap days and century years, When read, Then js-joda agrees', () => {
    for (const start of ['1899-12-01', '1999-12-01', '2099-12-01', '2399-12-01', '0000-01-01']) {
      for (let offset = 0; offset < 800; offset += 1) {
        const date = LocalDate.parse(start).plusDays(offset);
        expect(epochDayOfIso(date.toString())).toBe(date.toEpochDay());
        expect(isoOfEpochDay(date.toEpochDay())).toBe(date.toString());
      }
    }
  });

  it('Given what is not a real YYYY-MM-DD date, When read, Then it is not a day (js-joda decides)', () => {
    for (const text of ['2025-02-29', '2100-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00'])
      expect(epochDayOfIso(text)).toBeNaN();
    for (const text of ['2025-1-01', '2025-01-1', '20250101', '2025/01/01', '2025-01-0a', ' 2025-01-1', ''])
      expect(epochDayOfIso(text)).toBeNaN();
  });

  it('Given the same days asked again, more of them than are kept, When written, Then each is as js-joda writes it', () => {
    // The written dates are kept (and dropped when too many): a second asking, and one after the
    // store was emptied, must answer as the first.
    const start = LocalDate.parse('1990-01-01').toEpochDay();
    for (let round = 0; round < 2; round += 1)
      for (let day = start; day < start + 25_000; day += 1)
        expect(isoOfEpochDay(day)).toBe(LocalDate.ofEpochDay(day).toString());
    expect(isoOfEpochDay(LAST + 1)).toBeNull();
    expect(isoOfEpochDay(LAST + 1)).toBeNull();
  });

  it('Given a day outside years 0000-9999, When written, Then it is left to js-joda (a signed year)', () => {
    expect(isoOfEpochDay(FIRST - 1)).toBeNull();
    expect(isoOfEpochDay(LAST + 1)).toBeNull();
  });
});

describe('date arithmetic agrees with js-joda to the day', () => {
  const days = fc.integer({ min: -40_000, max: 40_000 });

  it('Given any date and count of days, When added, Then js-joda gives the same date', () => {
    fc.assert(
      fc.property(isoDate, days, (date, count) => {
        expect(plusDays(date, count)).toBe(LocalDate.parse(date).plusDays(count).toString());
      }),
      { numRuns: 5000 },
    );
  });

  it('Given any two dates, When the days between are counted, Then js-joda counts the same', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (from, to) => {
        expect(daysBetween(from, to)).toBe(LocalDate.parse(from).until(LocalDate.parse(to), ChronoUnit.DAYS));
      }),
      { numRuns: 5000 },
    );
  });

  it('Given any date, When its 12 months end, Then it is D + 1 year - 1 day, 29 Feb counted as 1 Mar', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        const start = LocalDate.parse(date);
        const asIfMarch = start.monthValue() === 2 && start.dayOfMonth() === 29 ? start.plusDays(1) : start;
        expect(plusYearMinusDay(date)).toBe(asIfMarch.plusYears(1).minusDays(1).toString());
      }),
      { numRuns: 5000 },
    );
  });

  it('Given a date beyond 9999 or one that does not exist, When used, Then js-joda writes or refuses it', () => {
    expect(plusDays('9999-12-31', 1)).toBe('+10000-01-01');
    expect(plusYearMinusDay('9999-06-01')).toBe('+10000-05-31');
    expect(() => plusDays('2025-02-30', 1)).toThrow();
    expect(() => plusYearMinusDay('2025-02-29')).toThrow();
    expect(() => daysBetween('2025-01-01', '2025-02-30')).toThrow();
  });
});

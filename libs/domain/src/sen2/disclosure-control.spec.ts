import fc from 'fast-check';
import {
  isSmallCount,
  PUBLISHED_COUNTS,
  publishedRowOf,
  publishedTableOf,
  type PublishableFigures,
  type PublishedCount,
  type PublishedRow,
} from './disclosure-control';

/** Figures with every count `n` unless given, and each percentage as the SEN2 arithmetic makes it. */
function figures(counts: Partial<Record<PublishedCount, number>> = {}, n = 0): PublishableFigures {
  const c = Object.fromEntries(PUBLISHED_COUNTS.map((count) => [count, counts[count] ?? n])) as Record<
    PublishedCount,
    number
  >;
  const pc = (numerator: number, denominator: number) =>
    denominator === 0 ? null : Math.round((1000 * numerator) / denominator) / 10;
  return {
    ...c,
    pc_plans_issued_within_20_weeks: pc(c.plans_issued_within_20_weeks, c.plans_issued_den),
    pc_plans_issued_20_weeks_ex: pc(c.plans_issued_20_weeks_ex, c.plans_issued_den_ex),
    pc_requests_decided_within_6_weeks: pc(c.requests_decided_within_6_weeks, c.requests_decided),
    pc_reviews_completed_on_time: pc(c.reviews_completed_on_time, c.reviews_due),
  };
}

/** Plans only: `den` new plans of which `within` within 20 weeks (and the same without exceptions). */
const plans = (den: number, within: number) =>
  figures({
    plans_issued_den: den,
    plans_issued_within_20_weeks: within,
    plans_issued_den_ex: den,
    plans_issued_20_weeks_ex: within,
  });

const sum = (...rows: PublishableFigures[]) =>
  figures(
    Object.fromEntries(
      PUBLISHED_COUNTS.map((count) => [count, rows.reduce((total, row) => total + row[count], 0)]),
    ),
  );

/** One month (the period itself) of these teams and their total. */
const oneMonth = (...teams: PublishableFigures[]) =>
  publishedTableOf({
    months: [{ month: '2026-01', total: sum(...teams), teams }],
    period: { total: sum(...teams), teams },
  });

describe('statistical disclosure control of the published figures (Code of Practice for Statistics T6.4)', () => {
  describe('a row on its own: primary suppression', () => {
    it('Given counts of 0, 1 to 4 and 5 or more, Then only 1 to 4 are suppressed, and the percentages built on them withheld', () => {
      const row = publishedRowOf(
        figures({
          plans_issued_den: 3,
          plans_issued_within_20_weeks: 2,
          requests_decided: 12,
          requests_decided_within_6_weeks: 4,
          reviews_due: 5,
          reviews_completed_on_time: 5,
        }),
      );
      expect(row).toEqual<PublishedRow>({
        plans_issued_den: null,
        plans_issued_within_20_weeks: null,
        pc_plans_issued_within_20_weeks: null,
        plans_issued_den_ex: 0,
        plans_issued_20_weeks_ex: 0,
        pc_plans_issued_20_weeks_ex: null,
        requests_decided: 12,
        requests_decided_within_6_weeks: null,
        pc_requests_decided_within_6_weeks: null,
        reviews_due: 5,
        reviews_completed_on_time: 5,
        pc_reviews_completed_on_time: 100,
        suppressed: ['plans_issued_den', 'plans_issued_within_20_weeks', 'requests_decided_within_6_weeks'],
        secondary: [],
        withheld: ['pc_plans_issued_within_20_weeks', 'pc_requests_decided_within_6_weeks'],
      });
    });

    it('Given a percentage whose denominator alone is small (4 of 4), Then it is withheld too', () => {
      const row = publishedRowOf(figures({ reviews_due: 4, reviews_completed_on_time: 0 }));
      expect(row).toMatchObject({
        reviews_due: null,
        reviews_completed_on_time: 0,
        withheld: ['pc_reviews_completed_on_time'],
      });
    });

    it.each([
      [0, false],
      [1, true],
      [4, true],
      [5, false],
      [120, false],
    ])('a count of %d is small: %s', (count, small) => {
      expect(isSmallCount(count)).toBe(small);
    });
  });

  describe('teams against their total: secondary suppression', () => {
    it('Given north with 3 plans, south 12 and east 7 (total 22 shown), Then north and the next smallest, east, are suppressed; south and the total are shown', () => {
      const { period } = oneMonth(plans(3, 0), plans(12, 9), plans(7, 6));
      expect(period.total).toMatchObject({
        plans_issued_den: 22,
        pc_plans_issued_within_20_weeks: 68.2,
        suppressed: [],
      });
      const [north, south, east] = period.teams;
      expect(north).toMatchObject({
        plans_issued_den: null,
        pc_plans_issued_within_20_weeks: null,
        secondary: [],
      });
      expect(north.suppressed).toContain('plans_issued_den');
      expect(east).toMatchObject({
        plans_issued_den: null,
        plans_issued_within_20_weeks: 6,
        secondary: ['plans_issued_den', 'plans_issued_den_ex'],
        withheld: ['pc_plans_issued_within_20_weeks', 'pc_plans_issued_20_weeks_ex'],
      });
      expect(south).toMatchObject({
        plans_issued_den: 12,
        plans_issued_within_20_weeks: 9,
        suppressed: [],
        withheld: [],
      });
    });

    it('Given the other teams 0, 9 and 20, Then the 9 is suppressed beside the small one: a 0 gives nothing away', () => {
      const [, zero, nine, twenty] = oneMonth(plans(3, 0), plans(0, 0), plans(9, 0), plans(20, 0)).period
        .teams;
      expect([zero.plans_issued_den, nine.plans_issued_den, twenty.plans_issued_den]).toEqual([0, null, 20]);
    });

    it('Given two small teams, Then no more is suppressed: the total gives only their sum', () => {
      const [north, south, east] = oneMonth(plans(2, 0), plans(3, 0), plans(10, 0)).period.teams;
      expect([north.plans_issued_den, south.plans_issued_den, east.plans_issued_den]).toEqual([
        null,
        null,
        10,
      ]);
    });

    it('Given a total that is itself small, Then it is suppressed and nothing more', () => {
      const { period } = oneMonth(plans(2, 0), plans(1, 0));
      expect(period.total.plans_issued_den).toBeNull();
      expect(period.teams.map((team) => team.secondary)).toEqual([[], []]);
    });
  });

  describe('months against the period', () => {
    it("Given north's 3 plans in January and 10 in February (13 over the period), Then no month's count can be worked out from the others", () => {
      const [northJan, northFeb, southJan, southFeb] = [
        plans(3, 0),
        plans(10, 0),
        plans(10, 0),
        plans(10, 0),
      ];
      const table = publishedTableOf({
        months: [
          { month: '2026-01', total: sum(northJan, southJan), teams: [northJan, southJan] },
          { month: '2026-02', total: sum(northFeb, southFeb), teams: [northFeb, southFeb] },
        ],
        period: {
          total: sum(northJan, northFeb, southJan, southFeb),
          teams: [sum(northJan, northFeb), sum(southJan, southFeb)],
        },
      });
      expect(table.months.map((m) => m.teams.map((t) => t.plans_issued_den))).toEqual([
        [null, null],
        [null, null],
      ]);
      expect(table.months.map((m) => m.total.plans_issued_den)).toEqual([13, 20]);
      expect(table.period.teams.map((t) => t.plans_issued_den)).toEqual([13, 20]);
    });
  });

  it('for any table: shown counts are the figures, small ones never shown, and no shown margin less shown cells gives a suppressed one', () => {
    const count = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 40 }));
    const grid = fc
      .record({ teams: fc.integer({ min: 1, max: 4 }), months: fc.integer({ min: 1, max: 4 }) })
      .chain(({ teams, months }) =>
        fc.array(fc.array(count, { minLength: months, maxLength: months }), {
          minLength: teams,
          maxLength: teams,
        }),
      );
    fc.assert(
      fc.property(grid, (cells) => {
        const cell = (n: number) => figures({ plans_issued_den: n });
        const months = cells[0].map((_, m) => ({
          month: `2026-${String(m + 1).padStart(2, '0')}`,
          total: sum(...cells.map((row) => cell(row[m]))),
          teams: cells.map((row) => cell(row[m])),
        }));
        const period = {
          total: sum(...months.map((m) => m.total)),
          teams: cells.map((row) => sum(...row.map(cell))),
        };
        const published = publishedTableOf({ months, period });
        const shown = [
          ...published.months.map((m) => [...m.teams, m.total]),
          [...published.period.teams, published.period.total],
        ];
        const given = [...months.map((m) => [...m.teams, m.total]), [...period.teams, period.total]];
        shown.forEach((column, c) =>
          column.forEach((row, r) => {
            const value = given[c][r].plans_issued_den;
            expect(
              row.plans_issued_den === null || (row.plans_issued_den === value && !isSmallCount(value)),
            ).toBe(true);
          }),
        );
        // Every line: a shown margin never sits beside exactly one suppressed cell.
        const value = (c: number, r: number) => shown[c][r].plans_issued_den;
        const lines = [
          ...shown.map((column, c) => column.map((_, r) => value(c, r))),
          ...shown[0].map((_, r) => shown.map((_, c) => value(c, r))),
        ];
        for (const line of lines) {
          const margin = line[line.length - 1];
          if (margin !== null) expect(line.slice(0, -1).filter((v) => v === null)).not.toHaveLength(1);
        }
      }),
    );
  });
});

// Statistical disclosure control of the published timeliness figures (issue 17; GET /public/timeliness).
// As official statistics do (Code of Practice for Statistics T6.4; the GSS guidance on disclosure
// control of tables from administrative sources): a count of 1 to 4 is suppressed, so that no child in a
// small team can be picked out, and so is every figure that would give it back by arithmetic.

/** The counts published, in the order PublishedRow lists them. */
export const PUBLISHED_COUNTS = [
  'plans_issued_den',
  'plans_issued_within_20_weeks',
  'plans_issued_den_ex',
  'plans_issued_20_weeks_ex',
  'requests_decided',
  'requests_decided_within_6_weeks',
  'reviews_due',
  'reviews_completed_on_time',
] as const;
export type PublishedCount = (typeof PUBLISHED_COUNTS)[number];

/** The percentages published, each with the counts it is built on (numerator, denominator). */
export const PUBLISHED_PERCENTAGES = {
  pc_plans_issued_within_20_weeks: ['plans_issued_within_20_weeks', 'plans_issued_den'],
  pc_plans_issued_20_weeks_ex: ['plans_issued_20_weeks_ex', 'plans_issued_den_ex'],
  pc_requests_decided_within_6_weeks: ['requests_decided_within_6_weeks', 'requests_decided'],
  pc_reviews_completed_on_time: ['reviews_completed_on_time', 'reviews_due'],
} as const satisfies Record<string, readonly [PublishedCount, PublishedCount]>;
export type PublishedPercentage = keyof typeof PUBLISHED_PERCENTAGES;

/** The smallest count published as it is: 1 to 4 are suppressed; 0 says nothing of any child. */
export const SMALLEST_PUBLISHED_COUNT = 5;

/** What disclosure control reads of a row of figures (Sen2Figures has these and more). */
export type PublishableFigures = { readonly [C in PublishedCount]: number } & {
  readonly [P in PublishedPercentage]: number | null;
};

/** A row as published: null where suppressed or withheld, and which fields were, and why. */
export type PublishedRow = { [C in PublishedCount]: number | null } & {
  [P in PublishedPercentage]: number | null;
} & {
  /** Counts nulled: small (1 to 4), or (also in `secondary`) large enough but giving a small one away. */
  suppressed: PublishedCount[];
  /** Of `suppressed`, the counts of 5 or more nulled only so that subtraction cannot reveal a small one. */
  secondary: PublishedCount[];
  /** Percentages nulled because their numerator or denominator is suppressed. */
  withheld: PublishedPercentage[];
};

/** Figures per team and for all of them, each month of a period and over the whole period. */
export interface FiguresTable<F extends PublishableFigures> {
  readonly months: readonly { readonly month: string; readonly total: F; readonly teams: readonly F[] }[];
  /** The whole period: each count is the sum over its months (and a total, over its teams). */
  readonly period: { readonly total: F; readonly teams: readonly F[] };
}

export interface PublishedTable {
  readonly months: { month: string; total: PublishedRow; teams: PublishedRow[] }[];
  readonly period: { total: PublishedRow; teams: PublishedRow[] };
}

/** A count that would single out 1 to 4 children. */
export function isSmallCount(count: number): boolean {
  return count > 0 && count < SMALLEST_PUBLISHED_COUNT;
}

/**
 * The table as published. Teams must be in the same order in every month and in the period. Each
 * count is a cell of a grid (rows: the teams, then their total; columns: the months, then the period).
 * Primary suppression nulls the small cells; secondary suppression then nulls, in every line (a
 * month's or the period's teams against their total, a team's or the total's months against its
 * period figure) whose margin is shown and that has exactly one suppressed cell, the smallest other
 * non-zero cell (the margin itself when there is none), until no line has one: no suppressed count is
 * the difference between a shown margin and shown cells.
 */
export function publishedTableOf<F extends PublishableFigures>(table: FiguresTable<F>): PublishedTable {
  const grid: F[][] = [
    ...table.period.teams.map((_, team) => [
      ...table.months.map((m) => m.teams[team]),
      table.period.teams[team],
    ]),
    [...table.months.map((m) => m.total), table.period.total],
  ];
  const suppressed = grid.map((row) => row.map(() => new Set<PublishedCount>()));
  const secondary = grid.map((row) => row.map(() => new Set<PublishedCount>()));
  for (const field of PUBLISHED_COUNTS) {
    const values = grid.map((row) => row.map((figures) => figures[field]));
    const hidden = values.map((row) => row.map(isSmallCount));
    for (const [r, c] of protectingCells(values, hidden)) secondary[r][c].add(field);
    hidden.forEach((row, r) => row.forEach((isHidden, c) => isHidden && suppressed[r][c].add(field)));
  }
  const rowAt = (r: number, c: number) => publishedRowOf(grid[r][c], suppressed[r][c], secondary[r][c]);
  const totalRow = grid.length - 1;
  const periodColumn = table.months.length;
  const teamsAt = (c: number) => table.period.teams.map((_, team) => rowAt(team, c));
  return {
    months: table.months.map(({ month }, c) => ({ month, total: rowAt(totalRow, c), teams: teamsAt(c) })),
    period: { total: rowAt(totalRow, periodColumn), teams: teamsAt(periodColumn) },
  };
}

/**
 * One row with the given counts suppressed (default: only the small ones, i.e. primary suppression of
 * a row published alone) and the percentages built on them withheld.
 */
export function publishedRowOf(
  figures: PublishableFigures,
  suppressed: ReadonlySet<PublishedCount> = smallCountsOf(figures),
  secondary: ReadonlySet<PublishedCount> = new Set(),
): PublishedRow {
  const isSuppressed = (count: PublishedCount) => suppressed.has(count) || secondary.has(count);
  const counts = PUBLISHED_COUNTS.map((count) => [count, isSuppressed(count) ? null : figures[count]]);
  const withheld = (Object.keys(PUBLISHED_PERCENTAGES) as PublishedPercentage[]).filter((percentage) =>
    PUBLISHED_PERCENTAGES[percentage].some(isSuppressed),
  );
  const percentages = (Object.keys(PUBLISHED_PERCENTAGES) as PublishedPercentage[]).map((percentage) => [
    percentage,
    withheld.includes(percentage) ? null : figures[percentage],
  ]);
  return {
    ...(Object.fromEntries([...counts, ...percentages]) as Omit<
      PublishedRow,
      'suppressed' | 'secondary' | 'withheld'
    >),
    suppressed: PUBLISHED_COUNTS.filter(isSuppressed),
    secondary: PUBLISHED_COUNTS.filter((count) => secondary.has(count)),
    withheld,
  };
}

function smallCountsOf(figures: PublishableFigures): Set<PublishedCount> {
  return new Set(PUBLISHED_COUNTS.filter((count) => isSmallCount(figures[count])));
}

type Cell = readonly [row: number, column: number];

/**
 * Secondary suppression of one count over the grid (the last row and column are the margins):
 * marks `hidden` in place and returns the cells it added. Each pass only adds cells, so it ends.
 */
function protectingCells(values: readonly (readonly number[])[], hidden: boolean[][]): Cell[] {
  const lines: Cell[][] = [
    ...values.map((_, r) => values[r].map((__, c): Cell => [r, c])),
    ...values[0].map((_, c) => values.map((__, r): Cell => [r, c])),
  ];
  const added: Cell[] = [];
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      const margin = line[line.length - 1];
      const cells = line.slice(0, -1);
      const isHidden = ([r, c]: Cell) => hidden[r][c];
      if (isHidden(margin) || cells.filter(isHidden).length !== 1) continue;
      const candidates = cells.filter((cell) => !isHidden(cell) && values[cell[0]][cell[1]] > 0);
      // No other non-zero cell to hide: the margin alone would give the hidden one away.
      const smallest = candidates.sort((a, b) => values[a[0]][a[1]] - values[b[0]][b[1]])[0] ?? margin;
      hidden[smallest[0]][smallest[1]] = true;
      added.push(smallest);
      changed = true;
    }
  }
  return added;
}

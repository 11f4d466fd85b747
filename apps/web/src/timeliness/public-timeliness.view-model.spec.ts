import { csvOf } from './csv';
import { DATA_DICTIONARY } from './data-dictionary';
import { PUBLIC_TIMELINESS as DATA } from './public-timeliness.fixture';
import {
  councilMonthlyTable,
  councilRateSeries,
  CSV_HEAD,
  csvRows,
  headlineOf,
  teamDecisionsTable,
  teamPlansTable,
} from './public-timeliness.view-model';

const texts = (rows: readonly (readonly { text: string }[])[]) =>
  rows.map((row) => row.map((cell) => cell.text));

// Issue 17: counts under 5 are published as "fewer than 5" and the percentages built on them withheld,
// as official statistics do, so that no child can be identified in a small team.
describe('the public timeliness page and CSV', () => {
  it("tables the council's 20-week rate by month, with and without exceptions, beside England's", () => {
    expect(texts(councilMonthlyTable(DATA).rows)).toEqual([
      ['January 2025', '9', '7', '77.8', '9', '7', '77.8', '46.4 (2024)'],
      ['February 2025', '0', '0', 'No plans', '0', '0', 'No plans', '46.4 (2024)'],
    ]);
  });

  it('given a team with 3 plans, shows "fewer than 5" and no percentage', () => {
    const rows = texts(teamPlansTable(DATA).rows);
    expect(rows).toEqual([
      ['North team', '6', '5', '83.3', '6', '5', '83.3'],
      [
        'South, "central" team',
        'fewer than 5',
        'fewer than 5',
        'withheld',
        'fewer than 5',
        'fewer than 5',
        'withheld',
      ],
      ['Riverside Council (all teams)', '9', '7', '77.8', '9', '7', '77.8'],
    ]);
  });

  it('given a count of 5 or more hidden only to protect a small one, writes "withheld", not "fewer than 5"', () => {
    const north = {
      ...DATA.totals.teams[0],
      requests_decided: null,
      suppressed: ['requests_decided'],
      secondary: ['requests_decided'],
    };
    const data = { ...DATA, totals: { ...DATA.totals, teams: [north] } };
    expect(texts(teamDecisionsTable(data).rows)[0][1]).toBe('withheld');
    const total = {
      ...DATA.totals.total,
      plans_issued_den: null,
      suppressed: ['plans_issued_den'],
      secondary: ['plans_issued_den'],
    };
    expect(headlineOf({ ...DATA, totals: { ...DATA.totals, total } }, 'P')).toMatch(
      /^From P, we do not give the number/,
    );
  });

  it('tables decisions within 6 weeks and annual reviews on time by team', () => {
    expect(texts(teamDecisionsTable(DATA).rows)[0]).toEqual([
      'North team',
      '12',
      '9',
      '75.0',
      '0',
      '0',
      'No reviews due',
    ]);
  });

  it('draws the council with and without exceptions, leaving a withheld month as a gap', () => {
    const series = councilRateSeries(DATA);
    expect(series.totalName).toBe('Riverside Council, all new plans');
    expect(series.total.map((month) => month.pc_plans_issued_within_20_weeks)).toEqual([77.8, null]);
    expect(series.teams[0].values).toEqual([77.8, null]);
    expect(series.england.map((rate) => rate?.year)).toEqual([2024, 2024]);
  });

  it('says the rate in one sentence, or why it is not given', () => {
    expect(headlineOf(DATA, 'P')).toBe(
      'From P, we issued 9 new EHC plans. 77.8% of them were issued within 20 weeks.',
    );
    const small = { ...DATA, totals: { ...DATA.totals, total: DATA.totals.teams[1] } };
    expect(headlineOf(small, 'P')).toMatch(/^From P, we issued fewer than 5 new EHC plans\. We do not give/);
  });

  it('writes one CSV row per month for the council and each team, "fewer than 5" and "withheld" in words', () => {
    const rows = csvRows(DATA);
    expect(rows.map((row) => row.slice(0, 4))).toEqual([
      ['2025-01', 'council', '', 'Riverside Council'],
      ['2025-01', 'team', 'north', 'North team'],
      ['2025-01', 'team', 'south', 'South, "central" team'],
      ['2025-02', 'council', '', 'Riverside Council'],
      ['2025-02', 'team', 'north', 'North team'],
      ['2025-02', 'team', 'south', 'South, "central" team'],
    ]);
    expect(rows.every((row) => row.length === CSV_HEAD.length)).toBe(true);
    expect(rows[1].slice(4, 10)).toEqual(['6', '5', '83.3', '6', '5', '83.3']);
    expect(rows[2].slice(4, 10)).toEqual([
      'fewer than 5',
      'fewer than 5',
      'withheld',
      'fewer than 5',
      'fewer than 5',
      'withheld',
    ]);
    // Nothing to divide by: an empty field, as the dictionary says.
    expect(rows[3][6]).toBe('');
    expect(csvOf(CSV_HEAD, rows).split('\r\n')[3]).toBe(
      '2025-01,team,south,"South, ""central"" team",fewer than 5,fewer than 5,withheld,fewer than 5,fewer than 5,withheld,0,0,,0,0,',
    );
  });

  it('describes every CSV column in the data dictionary, saying how small numbers are hidden', () => {
    expect(Object.keys(DATA_DICTIONARY)).toEqual([...CSV_HEAD]);
    expect(DATA_DICTIONARY.plans_issued_den.suppression).toContain('"fewer than 5"');
    expect(DATA_DICTIONARY.pc_plans_issued_within_20_weeks.suppression).toContain('"withheld"');
    expect(DATA_DICTIONARY.plans_issued_within_20_weeks.basis).toContain('regulation 13(2)');
  });
});

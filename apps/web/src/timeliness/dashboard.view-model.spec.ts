import { DASHBOARD } from './dashboard.fixture';
import {
  adviceTable,
  dashboardTables,
  deadlinesTable,
  englandRateFor,
  govukTableOf,
  monthlyTable,
  monthText,
  qaSectionsTable,
  rateSeriesOf,
  sen2PlansTable,
  sen2ViewsTable,
  TABLE_NAMES,
} from './dashboard.view-model';

const texts = (rows: readonly (readonly { text: string }[])[]) =>
  rows.map((row) => row.map((cell) => cell.text));

describe('dashboard view model', () => {
  it('writes months in words', () => {
    expect(monthText('2025-01')).toBe('January 2025');
  });

  it("draws England's rate of the month's year, or the latest published after it", () => {
    const rates = DASHBOARD.england.rates;
    expect(englandRateFor('2023-06', rates)?.pcPlansIssuedWithin20Weeks).toBe(50.3);
    expect(englandRateFor('2026-01', rates)?.year).toBe(2024);
    expect(englandRateFor('2021-01', rates)).toBeNull();
  });

  it('tables the 20-week rate by month per team, for all teams and England', () => {
    const table = monthlyTable(rateSeriesOf(DASHBOARD));
    expect(table.head).toEqual([
      'Month',
      'north: within 20 weeks (%)',
      'south: within 20 weeks (%)',
      'All chosen teams: new plans issued',
      'All chosen teams: within 20 weeks (%)',
      'England: within 20 weeks (%, year published)',
    ]);
    expect(texts(table.rows)).toEqual([
      ['January 2025', '50.0', '0.0', '3', '33.3', '46.4 (2024)'],
      ['February 2025', 'No plans', 'No plans', '0', 'No plans', '46.4 (2024)'],
      ['March 2025', '100.0', 'No plans', '1', '100.0', '46.4 (2024)'],
    ]);
  });

  it('tables SEN2 per team and for all chosen teams', () => {
    const rows = texts(sen2PlansTable(DASHBOARD.sen2).rows);
    expect(rows.map((row) => row.slice(0, 4))).toEqual([
      ['north', '3', '2', '66.7'],
      ['south', '1', '0', '0.0'],
      ['All chosen teams', '4', '2', '50.0'],
    ]);
  });

  // Issue 17: the share of new plans and of annual reviews with the child's views recorded.
  it("tables children's views recorded per team and for all chosen teams: 2 of 4 new plans is 50%", () => {
    expect(texts(sen2ViewsTable(DASHBOARD.sen2).rows)).toEqual([
      ['north', '3', '1', '33.3', '2', '1', '50.0'],
      ['south', '1', '1', '100.0', '2', '1', '50.0'],
      ['All chosen teams', '4', '2', '50.0', '2', '1', '50.0'],
    ]);
  });

  it('lists only advice sources with any due', () => {
    expect(texts(adviceTable(DASHBOARD.stages).rows)).toEqual([
      ['north', 'Educational psychology', '2', '1', '50.0'],
      ['south', 'Educational psychology', '2', '1', '50.0'],
      ['All chosen teams', 'Educational psychology', '2', '1', '50.0'],
    ]);
  });

  it('links a count of deadlines to the list of them', () => {
    const [row] = deadlinesTable(DASHBOARD.deadlines, '2025-03-31').rows;
    expect(row[2]).toEqual({
      text: '1',
      href: '/deadlines?status=due_soon&kind=assessment_decision&team=north&asOf=2025-03-31',
    });
    expect(row[3]).toEqual({ text: '0' });
    const govuk = govukTableOf(deadlinesTable(DASHBOARD.deadlines, '2025-03-31'));
    expect(govuk.rows[0][2]).toEqual({
      html: '<a class="govuk-link" href="/deadlines?status=due_soon&amp;kind=assessment_decision&amp;team=north&amp;asOf=2025-03-31">1</a>',
      format: 'numeric',
    });
    expect(govuk.head.map((cell) => cell.format)).toEqual([undefined, undefined, 'numeric', 'numeric']);
  });

  it('puts the weakest sections first, ungraded last', () => {
    expect(texts(qaSectionsTable(DASHBOARD.qa).rows)).toEqual([
      ['B: special educational needs', '2.5', '1'],
      ['A: views, interests and aspirations', '3.0', '0'],
      ['C: health needs', 'Not graded', '0'],
    ]);
  });

  it('names every table for its CSV download', () => {
    expect(dashboardTables(DASHBOARD).map((table) => table.name)).toEqual([...TABLE_NAMES]);
  });
});

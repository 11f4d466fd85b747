import { apiQueryOf, dashboardFilterOf, isIsoDate, teamsOf } from './dashboard-filter';

describe('dashboard filter', () => {
  it('knows a real date from one that is not', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('6 January 2025')).toBe(false);
  });

  it('reads teams repeated or comma-separated, each once', () => {
    expect(teamsOf(['north', 'south,north'])).toEqual(['north', 'south']);
    expect(teamsOf(undefined)).toEqual([]);
  });

  it('leaves empty fields to the api defaults', () => {
    const filter = dashboardFilterOf({ from: '', team: undefined });
    expect(filter.errors).toEqual([]);
    expect(apiQueryOf(filter)).toEqual({ from: undefined, to: undefined, team: undefined });
  });

  it('passes a good period and teams on', () => {
    const filter = dashboardFilterOf({ from: '2025-04-01', to: '2026-03-31', team: ['north', 'south'] });
    expect(apiQueryOf(filter)).toEqual({ from: '2025-04-01', to: '2026-03-31', team: 'north,south' });
  });

  it('names the field of a wrong date, and a reversed period', () => {
    expect(dashboardFilterOf({ from: '2025-13-01' }).errors).toEqual([
      { field: 'from', message: 'Enter the start date as year, month and day, for example, 2025-01-06' },
    ]);
    expect(dashboardFilterOf({ from: '2025-05-01', to: '2025-04-01' }).errors).toEqual([
      { field: 'to', message: 'The end date must be the same as or after the start date' },
    ]);
  });
});

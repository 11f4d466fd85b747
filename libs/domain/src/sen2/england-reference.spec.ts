import { ENGLAND_20_WEEK_RATES } from './england-reference';

describe("England's reference 20-week rates (DOMAIN.md)", () => {
  it('holds the published figures, in year order', () => {
    expect(ENGLAND_20_WEEK_RATES.map((rate) => [rate.year, rate.pcPlansIssuedWithin20Weeks])).toEqual([
      [2019, 58.7],
      [2022, 49.2],
      [2023, 50.3],
      [2024, 46.4],
    ]);
    expect(ENGLAND_20_WEEK_RATES[0].pcPlansIssuedWithin20WeeksEx).toBe(60.4);
  });
});

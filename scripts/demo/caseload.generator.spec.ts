import { generateCaseload } from './caseload.generator';

const options = { seed: 7, cases: 600, today: '2026-11-23', teams: ['north', 'south', 'east', 'west'] };
const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

describe('the demo caseload', () => {
  const caseload = generateCaseload(options);

  it('is the same for the same seed and different for another', () => {
    expect(generateCaseload(options)).toEqual(caseload);
    expect(generateCaseload({ ...options, seed: 8 })[0].caseId).not.toEqual(caseload[0].caseId);
  });

  it('records facts in date order, none after today, each case starting with its request', () => {
    for (const { steps } of caseload) {
      expect(steps[0].path).toBe('/cases');
      const dates = steps.map((step) => step.on);
      expect(dates).toEqual([...dates].sort());
      expect(dates.every((on) => on <= options.today)).toBe(true);
      expect(daysBetween(dates[0], options.today)).toBeLessThanOrEqual(730);
    }
  });

  it('refuses about a quarter and issues roughly half of its plans within 20 weeks', () => {
    const refused = caseload.filter((c) => c.steps.some((s) => s.body.decision === 'refuse')).length;
    const finals = caseload.flatMap((c) => {
      const final = c.steps.find((s) => s.path.endsWith('/final-plan'));
      return final ? [daysBetween(c.steps[0].on, final.on)] : [];
    });
    const within = finals.filter((days) => days <= 140).length / finals.length;
    expect(refused / caseload.length).toBeGreaterThan(0.18);
    expect(refused / caseload.length).toBeLessThan(0.32);
    expect(within).toBeGreaterThan(0.4);
    expect(within).toBeLessThan(0.6);
  });
});

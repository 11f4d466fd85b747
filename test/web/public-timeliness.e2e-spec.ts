import { randomUUID } from 'node:crypto';
import { LocalDate } from '@js-joda/core';
import { signDevToken } from '@ehcp/auth';
import { DEV_SECRET, expectNoAxeViolations, journey } from './support/web-system';
import { useWebJourneys } from './support/web-journeys';

jest.setTimeout(300_000);

type Figures = Record<string, number | null | string>;

/**
 * The council's published timeliness (issue 17): cases seeded through the api, then the public page,
 * its CSV and data dictionary in Chromium with no sign-in, their numbers held to GET /timeliness/monthly
 * and /timeliness/sen2?by=team except where suppressed; and the dashboard's children's views share.
 * All new plans are issued on one day, so one month holds north's 6, south's 3 and west's 4 plans.
 */
describe('the public timeliness page and open data (a real browser against the real api)', () => {
  const web = useWebJourneys({ context: { acceptDownloads: true, viewport: { width: 1280, height: 900 } } });
  let caseworkerToken: string;
  let managerToken: string;
  let position = '';
  const today = LocalDate.now();
  const from = today.minusDays(364).toString();
  const to = today.toString();
  const period = `from=${from}&to=${to}`;
  // Far enough back that every fact of the seeded cases lies in the past.
  const planDay = today.minusMonths(2).withDayOfMonth(15);
  const planMonth = planDay.toString().slice(0, 7);

  async function api(token: string, method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${web.system.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    const answer = JSON.parse(text) as Record<string, unknown>;
    if (typeof answer.position === 'string') position = answer.position;
    return answer;
  }

  /** A case whose new plan is issued on planDay, `finalAfter` days after the request; views if asked. */
  async function caseWithPlan(team: string, finalAfter: number, withViews = false): Promise<void> {
    const caseId = randomUUID();
    const on = (after: number) => planDay.minusDays(finalAfter - after).toString();
    const cases = `/cases/${caseId}`;
    await api(caseworkerToken, 'POST', '/cases', {
      caseId,
      team,
      requestReceivedOn: on(0),
      requestedBy: 'parent',
      child: { firstName: 'Test', lastName: 'Child', dateOfBirth: '2016-04-12' },
    });
    await api(caseworkerToken, 'POST', `${cases}/assessment-decision`, {
      decision: 'assess',
      decidedOn: on(35),
    });
    if (withViews)
      await api(caseworkerToken, 'POST', `${cases}/views`, {
        gatheredOn: on(40),
        method: 'meeting',
        stage: 'assessment',
        summary: 'Likes drawing; wants help with reading.',
      });
    await api(caseworkerToken, 'POST', `${cases}/plan-decision`, {
      decision: 'issue',
      decidedOn: on(finalAfter - 45),
    });
    await api(caseworkerToken, 'POST', `${cases}/draft-plan`, { issuedOn: on(finalAfter - 40) });
    await api(caseworkerToken, 'POST', `${cases}/representations`, { receivedOn: on(finalAfter - 30) });
    await api(caseworkerToken, 'POST', `${cases}/final-plan`, {
      issuedOn: on(finalAfter),
      placement: { institution: 'Riverside Academy', type: 'mainstream' },
    });
  }

  beforeAll(async () => {
    const teams = ['north', 'south', 'west'];
    caseworkerToken = await signDevToken({ sub: 'cw-1', roles: ['caseworker'], teams }, DEV_SECRET);
    managerToken = await signDevToken({ sub: 'm-1', roles: ['manager'], teams }, DEV_SECRET);
    for (let i = 0; i < 5; i++) await caseWithPlan('north', 133); // within 20 weeks
    await caseWithPlan('north', 182); // late
    for (let i = 0; i < 3; i++) await caseWithPlan('south', 120); // a team with 3 plans
    // West: the child's views recorded on 2 of its 4 new plans.
    await caseWithPlan('west', 130, true);
    await caseWithPlan('west', 130, true);
    await caseWithPlan('west', 130);
    await caseWithPlan('west', 150);
    // The read models include every command before the browser looks.
    await api(managerToken, 'GET', `/timeliness/sen2?${period}&minPosition=${position}`);
  }, 300_000);

  const monthly = (team?: string) =>
    api(managerToken, 'GET', `/timeliness/monthly?${period}${team ? `&team=${team}` : ''}`) as Promise<
      (Figures & { month: string })[]
    >;

  /** A table's cells as text, the header row first. */
  const tableText = (caption: string) =>
    web.page
      .locator('table', { has: web.page.locator('caption', { hasText: caption }) })
      .evaluate((table) =>
        [...table.querySelectorAll('tr')].map((row) =>
          [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim()),
        ),
      );

  /**
   * A published count equals the api's, or reads "fewer than 5" (1 to 4) or "withheld" (5 or more,
   * hidden so that a small one cannot be worked out) for a count the api has and hides.
   */
  function expectCount(published: string, actual: number | null | string) {
    const value = actual as number;
    const shown = value >= 1 && value <= 4 ? 'fewer than 5' : String(value);
    // Secondary suppression hides a count of 5 or more only to protect a small one.
    if (published === 'withheld') expect(value).toBeGreaterThanOrEqual(5);
    else expect(published).toBe(shown);
  }

  /** A published percentage equals the api's (one decimal), is withheld, or empty/`none` for nothing to divide by. */
  function expectPercentage(published: string, actual: number | null | string, none: string) {
    if (published === 'withheld') return;
    expect(published).toBe(actual === null ? none : (actual as number).toFixed(1));
  }

  it('shows the 20-week rate by month and by team with no sign-in, equal to the api except where suppressed', () =>
    journey(web.page, 'public timeliness page', async () => {
      const cspViolations: string[] = [];
      web.page.on('console', (message) => {
        if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
      });
      const response = await web.page.goto(`${web.system.webUrl}/public/timeliness?${period}`);
      expect(response?.status()).toBe(200);
      expect(new URL(web.page.url()).pathname).toBe('/public/timeliness');

      // By month: the council's counts and rates as GET /timeliness/monthly (all teams) gives them.
      const months = await monthly();
      const rows = (await tableText('New plans issued within 20 weeks, by month')).slice(1);
      expect(rows).toHaveLength(months.length);
      rows.forEach((cells, index) => {
        const month = months[index];
        expectCount(cells[1], month.plans_issued_den);
        expectCount(cells[2], month.plans_issued_within_20_weeks);
        expectPercentage(cells[3], month.pc_plans_issued_within_20_weeks, 'No plans');
        expectCount(cells[4], month.plans_issued_den_ex);
        expectCount(cells[5], month.plans_issued_20_weeks_ex);
        expectPercentage(cells[6], month.pc_plans_issued_20_weeks_ex, 'No plans');
      });
      const planRow = rows[months.findIndex((month) => month.month === planMonth)];
      expect(planRow.slice(1, 4)).toEqual(['13', '11', '84.6']);

      // By team for the period: as GET /timeliness/sen2?by=team; south's 3 plans read "fewer than 5".
      const sen2 = (await api(managerToken, 'GET', `/timeliness/sen2?${period}&by=team`)) as {
        teams: (Figures & { team: string })[];
        total: Figures;
      };
      const teams = await tableText('New plans issued within 20 weeks, by team');
      const teamRow = (name: string) => teams.find((cells) => cells[0] === name)!;
      const north = sen2.teams.find((team) => team.team === 'north')!;
      expect(teamRow('north').slice(1, 4)).toEqual([
        String(north.plans_issued_den),
        String(north.plans_issued_within_20_weeks),
        (north.pc_plans_issued_within_20_weeks as number).toFixed(1),
      ]);
      expect(teamRow('north').slice(1, 4)).toEqual(['6', '5', '83.3']);
      expect(teamRow('south').slice(1, 4)).toEqual(['fewer than 5', 'fewer than 5', 'withheld']);
      expect(teamRow('south').join(' ')).not.toContain('%');
      expect(await web.page.locator('main').textContent()).toContain('so that no child can be identified');

      const decisions = await tableText(
        'Requests decided within 6 weeks and annual reviews on time, by team',
      );
      const decisionRow = decisions.find((cells) => cells[0] === 'north')!;
      expectCount(decisionRow[1], north.requests_decided);
      expectPercentage(decisionRow[3], north.pc_requests_decided_within_6_weeks, 'No decisions');

      // The chart is inline SVG under the CSP, named for assistive technology, beside England's rate.
      await expect(
        web.page
          .getByRole('img', { name: /New plans issued within 20 weeks by .*, by month, against England/ })
          .count(),
      ).resolves.toBe(1);
      expect(cspViolations).toEqual([]);
      await expectNoAxeViolations(web.page);

      await web.page.getByRole('link', { name: 'What each column in the CSV file means' }).click();
      await web.page.waitForURL((url) => url.pathname === '/public/timeliness/data-dictionary');
      await expect(web.page.locator('main').textContent()).resolves.toContain('pc_plans_issued_20_weeks_ex');
      await expectNoAxeViolations(web.page);
    }));

  it('downloads the open data as CSV, one row per month for the council and each team, equal to the api', () =>
    journey(web.page, 'public timeliness csv', async () => {
      await web.page.goto(`${web.system.webUrl}/public/timeliness?${period}`);
      const href = await web.page
        .getByRole('link', { name: 'Download these figures as a CSV file' })
        .getAttribute('href');
      // A request with no session at all: the open data needs no sign-in.
      const response = await fetch(`${web.system.webUrl}${href}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="timeliness-[0-9-]+-to-[0-9-]+\.csv"$/,
      );
      const [head, ...rows] = parseCsv(await response.text());
      expect(head.slice(0, 7)).toEqual([
        'time_period',
        'level',
        'team_code',
        'team_name',
        'plans_issued_den',
        'plans_issued_within_20_weeks',
        'pc_plans_issued_within_20_weeks',
      ]);
      const byTeam: Record<string, (Figures & { month: string })[]> = {
        '': await monthly(),
        north: await monthly('north'),
        south: await monthly('south'),
        west: await monthly('west'),
      };
      for (const row of rows) {
        const record = Object.fromEntries(head.map((name, index) => [name, row[index]]));
        const actual = byTeam[record.team_code].find((month) => month.month === record.time_period)!;
        for (const name of head.slice(4))
          if (name.startsWith('pc_')) expectPercentage(record[name], actual[name], '');
          else expectCount(record[name], actual[name]);
      }
      const south = rows.find((row) => row[0] === planMonth && row[2] === 'south')!;
      expect(south.slice(4, 7)).toEqual(['fewer than 5', 'fewer than 5', 'withheld']);
      const council = rows.find((row) => row[0] === planMonth && row[1] === 'council')!;
      expect(council.slice(4, 7)).toEqual(['13', '11', '84.6']);
    }));

  it("shows children's views recorded on the dashboard: 2 of 4 new plans is 50%", () =>
    journey(web.page, 'dashboard views share', async () => {
      await web.signIn({ sub: 'm-1', role: 'manager', teams: ['north', 'south', 'west'] });
      await web.page.goto(`${web.system.webUrl}/timeliness?${period}&team=west`);
      const rows = await tableText("Children's views recorded");
      const west = rows.find((cells) => cells[0] === 'west')!;
      expect(west.slice(1, 4)).toEqual(['4', '2', '50.0']);
      const sen2 = (await api(managerToken, 'GET', `/timeliness/sen2?${period}&team=west`)) as Figures;
      expect(sen2.pc_plans_issued_with_views).toBe(50);
      await expectNoAxeViolations(web.page);

      const href = await web.page
        .getByRole('link', { name: /^Download this table as CSV\s*: Children's views recorded/ })
        .getAttribute('href');
      const csv = await web.context.request.get(`${web.system.webUrl}${href}`);
      expect(parseCsv(await csv.text())).toEqual(rows);
    }));
});

/** RFC 4180 as the test reads it back: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && char === '"') quoted = false;
    else if (quoted) field += char;
    else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  return rows;
}

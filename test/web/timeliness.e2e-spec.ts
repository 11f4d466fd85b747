import { randomUUID } from 'node:crypto';
import { LocalDate } from '@js-joda/core';
import { signDevToken } from '@ehcp/auth';
import { DEV_SECRET, expectNoAxeViolations, journey, takeReadmePicture } from './support/web-system';
import { useWebJourneys } from './support/web-journeys';

jest.setTimeout(300_000);

/**
 * The manager's dashboard (issue 16): cases seeded through the api with backdated facts, then the
 * page in Chromium under the real CSP, its numbers held to GET /timeliness/sen2 and its CSV downloads.
 */
describe("the manager's timeliness dashboard (a real browser against the real api)", () => {
  const web = useWebJourneys({ context: { acceptDownloads: true, viewport: { width: 1280, height: 900 } } });
  let caseworkerToken: string;
  let managerToken: string;
  let position = '';
  const today = LocalDate.now();
  const day = (daysAgo: number) => today.minusDays(daysAgo).toString();
  const from = day(364);
  const to = day(0);

  async function api(
    token: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<Record<string, unknown>> {
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

  /** A case from its request `requestAgo` days ago to a final plan `finalAfter` days after it. */
  async function caseWithPlan(team: string, requestAgo: number, finalAfter?: number): Promise<void> {
    const caseId = randomUUID();
    const on = (after: number) => day(requestAgo - after);
    await api(caseworkerToken, 'POST', '/cases', {
      caseId,
      team,
      requestReceivedOn: on(0),
      requestedBy: 'parent',
      child: { firstName: 'Test', lastName: 'Child', dateOfBirth: '2016-04-12' },
    });
    if (finalAfter === undefined) return;
    const cases = `/cases/${caseId}`;
    await api(caseworkerToken, 'POST', `${cases}/assessment-decision`, {
      decision: 'assess',
      decidedOn: on(35),
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
    caseworkerToken = await signDevToken(
      { sub: 'cw-1', roles: ['caseworker'], teams: ['north', 'south'] },
      DEV_SECRET,
    );
    managerToken = await signDevToken(
      { sub: 'm-1', roles: ['manager'], teams: ['north', 'south'] },
      DEV_SECRET,
    );
    await caseWithPlan('north', 250, 133); // within 20 weeks
    await caseWithPlan('north', 300, 182); // late
    await caseWithPlan('south', 200, 120); // within 20 weeks
    await caseWithPlan('north', 60); // the decision whether to assess overdue (due on day 42)
    // The read models include every command before the browser looks.
    await api(managerToken, 'GET', `/timeliness/sen2?from=${from}&to=${to}&minPosition=${position}`);
  }, 300_000);

  const signInAsManager = () => web.signIn({ sub: 'm-1', role: 'manager', teams: ['north', 'south'] });

  /** A table's cells as text, the header row first (as a CSV would be). */
  const tableText = (caption: string) =>
    web.page
      .locator('table', { has: web.page.locator('caption', { hasText: caption }) })
      .evaluate((table) =>
        [...table.querySelectorAll('tr')].map((row) =>
          [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim()),
        ),
      );

  it('shows the same 20-week percentage as GET /timeliness/sen2, under the real CSP, axe clean', () =>
    journey(web.page, 'manager dashboard', async () => {
      const cspViolations: string[] = [];
      web.page.on('console', (message) => {
        if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
      });
      await signInAsManager();
      expect(new URL(web.page.url()).pathname).toBe('/timeliness');
      await web.page.goto(`${web.system.webUrl}/timeliness?from=${from}&to=${to}`);

      const sen2 = await api(managerToken, 'GET', `/timeliness/sen2?from=${from}&to=${to}`);
      const north = await api(managerToken, 'GET', `/timeliness/sen2?from=${from}&to=${to}&team=north`);
      expect(sen2.pc_plans_issued_within_20_weeks).toBe(66.7);
      await expect(web.page.locator('#headline').textContent()).resolves.toContain(
        `${(sen2.pc_plans_issued_within_20_weeks as number).toFixed(1)}%`,
      );
      const rows = await tableText('New plans issued in the period (SEN2)');
      const row = (team: string) => rows.find((cells) => cells[0] === team)!;
      expect(row('All chosen teams').slice(1, 4)).toEqual([
        String(sen2.plans_issued_den),
        String(sen2.plans_issued_within_20_weeks),
        (sen2.pc_plans_issued_within_20_weeks as number).toFixed(1),
      ]);
      expect(row('north')[3]).toBe((north.pc_plans_issued_within_20_weeks as number).toFixed(1));

      // The chart is inline SVG the CSP lets through, named for assistive technology.
      const chart = web.page.getByRole('img', {
        name: 'New plans issued within 20 weeks, by month, against England',
      });
      await expect(chart.count()).resolves.toBe(1);
      await expect(chart.evaluate((svg) => svg.getBoundingClientRect().height)).resolves.toBeGreaterThan(100);
      expect(cspViolations).toEqual([]);

      // The overdue decision links to the deadlines behind it, and they to the case.
      const deadlines = await tableText('Open deadlines due soon or overdue');
      expect(deadlines[1].slice(0, 2)).toEqual(['Decide whether to assess', 'north']);
      await expectNoAxeViolations(web.page);
      // For the README: the dashboard as a manager sees it.
      await takeReadmePicture(web.page, 'dashboard');

      await web.page.getByRole('link', { name: '1', exact: true }).first().click();
      await web.page.waitForURL((url) => url.pathname === '/deadlines');
      await expect(web.page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
        'Overdue deadlines',
      );
      await expect(web.page.getByRole('link', { name: /^Case / }).count()).resolves.toBe(1);
      await expectNoAxeViolations(web.page);
    }));

  it('downloads each table as CSV equal to the table on the page', () =>
    journey(web.page, 'dashboard csv', async () => {
      await signInAsManager();
      await web.page.goto(`${web.system.webUrl}/timeliness?from=${from}&to=${to}`);
      const captions = await web.page.locator('table caption').allTextContents();
      expect(captions.length).toBeGreaterThanOrEqual(7);
      // Every table's link, fetched with the browser's session: the same cells, RFC 4180, as a file.
      for (const caption of captions.map((text) => text.trim())) {
        const href = await web.page.getByRole('link', { name: csvLinkName(caption) }).getAttribute('href');
        const response = await web.context.request.get(`${web.system.webUrl}${href}`);
        expect([caption, response.status()]).toEqual([caption, 200]);
        expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
        expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="[a-z0-9-]+\.csv"$/);
        const text = await response.text();
        expect(text.endsWith('\r\n')).toBe(true);
        expect(parseCsv(text)).toEqual(await tableText(caption));
      }
      // And a click saves the file as a download.
      const caption = 'New plans issued in the period (SEN2)';
      const [download] = await Promise.all([
        web.page.waitForEvent('download'),
        web.page.getByRole('link', { name: csvLinkName(caption) }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`sen2-plans-${from}-to-${to}.csv`);
      const stream = await download.createReadStream();
      const body = await new Promise<string>((resolve) => {
        let text = '';
        stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        stream.on('end', () => resolve(text));
      });
      expect(parseCsv(body)).toEqual(await tableText(caption));
    }));

  it('the filter form works with the keyboard alone, and names a wrong date in an error summary', () =>
    journey(web.page, 'dashboard filter keyboard', async () => {
      await signInAsManager();
      await web.page.focus('#from');
      await web.page.keyboard.type('2025-02-30');
      await web.page.keyboard.press('Enter');
      await web.page.waitForSelector('.govuk-error-summary');
      await expect(web.page.title()).resolves.toMatch(/^Error: /);
      await expect(web.page.locator('.govuk-error-summary a').getAttribute('href')).resolves.toBe('#from');
      await expectNoAxeViolations(web.page);

      // Fix the date, tab to the end date and on to "north" only, then submit, all by keyboard.
      await web.page.focus('#from');
      await web.page.keyboard.press('Control+A');
      await web.page.keyboard.type(from);
      await web.page.keyboard.press('Tab');
      await web.page.keyboard.type(to);
      await web.page.keyboard.press('Tab');
      await web.page.keyboard.press('Space'); // the first team: north
      await web.page.keyboard.press('Enter');
      await web.page.waitForURL((url) => url.searchParams.get('team') === 'north');
      const url = new URL(web.page.url());
      expect([url.searchParams.get('from'), url.searchParams.get('to')]).toEqual([from, to]);
      await expect(web.page.locator('.govuk-body-l').first().textContent()).resolves.toContain('north');
      await expectNoAxeViolations(web.page);
    }));

  it('a caseworker cannot open the dashboard (403 page)', () =>
    journey(web.page, 'dashboard forbidden', async () => {
      await web.signIn({ sub: 'cw-1', role: 'caseworker', teams: ['north'] });
      const response = await web.page.goto(`${web.system.webUrl}/timeliness`);
      expect(response?.status()).toBe(403);
    }));
});

/** A CSV link's accessible name: its visible words and the table's caption (visually hidden). */
function csvLinkName(caption: string): RegExp {
  return new RegExp(`^Download this table as CSV\\s*: ${caption.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

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
    } else if (quoted && char === '"') {
      quoted = false;
    } else if (quoted) {
      field += char;
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += char;
    }
  }
  return rows;
}

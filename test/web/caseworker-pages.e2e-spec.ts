import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { signDevToken } from '@ehcp/auth';
import { govukDate } from '../../apps/web/src/views/govuk-date.filter';
import {
  DEV_SECRET,
  expectNoAxeViolations,
  journey,
  launchChromium,
  startWebSystem,
  type WebSystem,
} from './support/web-system';

jest.setTimeout(300_000);

/** Today in Europe/London, moved by `days` (facts must not be dated after today). */
function londonDay(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe('caseworker pages: work tray, search and the case page (a real browser against the real api)', () => {
  let system: WebSystem;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const overdueId = randomUUID();
  const assessingId = randomUUID();
  const southId = randomUUID();
  const overdueReceivedOn = londonDay(-60);

  /** A call to the api as the seeding caseworker of both teams. */
  async function api(token: string, method: string, path: string, body?: unknown) {
    const response = await fetch(`${system.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  }

  /** The read models include `position` (the api waits up to 5 s a try; the projector may start late). */
  async function readModelsAt(token: string, position: string) {
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const response = await fetch(
        `${system.apiUrl}/cases?pageSize=1&minPosition=${encodeURIComponent(position)}`,
        {
          headers: { authorization: `Bearer ${token}` },
        },
      );
      if (response.ok) return;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    throw new Error('read models never reached the seeded cases');
  }

  const request = (
    caseId: string,
    team: string,
    reference: string,
    receivedOn: string,
    child: object,
    extra = {},
  ) => ({
    caseId,
    reference,
    team,
    requestReceivedOn: receivedOn,
    requestedBy: 'parent',
    child,
    ...extra,
  });

  beforeAll(async () => {
    system = await startWebSystem();
    browser = await launchChromium();
    const token = await signDevToken(
      { sub: 'p1-seeder', roles: ['caseworker'], teams: ['north', 'south'] },
      DEV_SECRET,
    );
    // 25 cases of north (two pages of 20): one overdue, one due soon, one being assessed by cw-north-1.
    await api(
      token,
      'POST',
      '/cases',
      request(overdueId, 'north', 'P1-NORTH-001', overdueReceivedOn, {
        firstName: 'Amelia',
        lastName: "O'Neill-Khan",
        dateOfBirth: '2016-04-12',
      }),
    );
    await api(
      token,
      'POST',
      '/cases',
      request(randomUUID(), 'north', 'P1-NORTH-002', londonDay(-35), {
        firstName: 'Ben',
        lastName: 'Jones',
        dateOfBirth: '2015-02-01',
      }),
    );
    await api(
      token,
      'POST',
      '/cases',
      request(
        assessingId,
        'north',
        'P1-NORTH-003',
        londonDay(-20),
        { firstName: 'Chloe', lastName: 'Smith', dateOfBirth: '2017-09-30' },
        { caseworkerId: 'cw-north-1' },
      ),
    );
    for (let n = 4; n <= 25; n += 1)
      await api(
        token,
        'POST',
        '/cases',
        request(randomUUID(), 'north', `P1-NORTH-${String(n).padStart(3, '0')}`, londonDay(-5), {
          firstName: 'Dev',
          lastName: `Child${n}`,
          dateOfBirth: '2014-01-01',
        }),
      );
    await api(
      token,
      'POST',
      '/cases',
      request(southId, 'south', 'P1-SOUTH-001', londonDay(-10), {
        firstName: 'Amelia',
        lastName: 'Southern',
        dateOfBirth: '2016-04-12',
      }),
    );
    const last = await api(token, 'POST', `/cases/${assessingId}/assessment-decision`, {
      decision: 'assess',
      decidedOn: londonDay(-1),
    });
    await readModelsAt(token, String(last.position));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  }, 60_000);

  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
    await page.goto(`${system.webUrl}/dev/sign-in?sub=cw-north-1&role=caseworker&teams=north`);
  });

  afterEach(() => context.close());

  const rowsText = () => page.locator('#cases tbody tr').allTextContents();
  it("the work tray lists the team's cases most urgent first, with tags and no child names, in pages of 20", () =>
    journey(page, 'work tray', async () => {
      expect(new URL(page.url()).pathname).toBe('/cases');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('My cases');
      await expect(
        page.getByRole('link', { name: 'Record a new request' }).getAttribute('href'),
      ).resolves.toBe('/cases/new');
      const rows = await rowsText();
      expect(rows).toHaveLength(20);
      expect(rows[0]).toContain('P1-NORTH-001');
      expect(rows[0]).toContain('Decide whether to assess');
      expect(rows[0]).toContain('Overdue');
      expect(rows[0]).toContain('days overdue');
      expect(rows[0]).toContain('Request received');
      expect(rows[1]).toContain('P1-NORTH-002');
      expect(rows[1]).toContain('Due soon');
      expect(rows.join(' ')).toContain('On track');
      expect(rows.join(' ')).not.toContain('P1-SOUTH-001');
      // A child's name only in answer to a search.
      await expect(page.locator('#cases').textContent()).resolves.not.toContain('Amelia');
      await expect(page.locator('main').textContent()).resolves.not.toContain('Neill-Khan');
      await expect(page.locator('.govuk-tag--red').first().textContent()).resolves.toContain('Overdue');
      await expect(page.getByText('Showing 1 to 20 of 25 cases').isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(page);
      // For the README: the work tray as a caseworker sees it.
      // The README's picture of the work tray (docs/screenshots), taken by this journey.
      await page.screenshot({
        path: join(__dirname, '..', '..', 'docs', 'screenshots', 'work-tray.png'),
        fullPage: true,
      });

      await Promise.all([page.waitForURL(/page=2/), page.getByRole('link', { name: /Next/ }).click()]);
      expect(await rowsText()).toHaveLength(5);
      await expect(page.getByText('Showing 21 to 25 of 25 cases').isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(page);
      await Promise.all([
        page.waitForURL((url) => !url.search.includes('page=2')),
        page.getByRole('link', { name: /Previous/ }).click(),
      ]);
      expect(await rowsText()).toHaveLength(20);
    }));

  it('filters by stage and by caseworker with a plain GET form, and clears them', () =>
    journey(page, 'work tray filters', async () => {
      await page.getByLabel('Stage').selectOption({ label: 'Assessing needs' });
      await Promise.all([
        page.waitForURL(/stage=assessing/),
        page.getByRole('button', { name: 'Apply filters' }).click(),
      ]);
      let rows = await rowsText();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain('P1-NORTH-003');
      expect(rows[0]).toContain('Assessing needs');
      await expect(page.locator('.moj-filter__tag').textContent()).resolves.toContain('Assessing needs');
      await expectNoAxeViolations(page);

      await Promise.all([
        page.waitForURL((url) => url.search === ''),
        page.getByRole('link', { name: 'Clear filters' }).click(),
      ]);
      expect(await rowsText()).toHaveLength(20);

      await page.getByLabel('Caseworker').fill('cw-north-1');
      await Promise.all([
        page.waitForURL(/caseworker=cw-north-1/),
        page.getByRole('button', { name: 'Apply filters' }).click(),
      ]);
      rows = await rowsText();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain('P1-NORTH-003');

      await page.getByLabel('Stage').selectOption({ label: 'Plan ceased' });
      await Promise.all([
        page.waitForURL(/stage=ceased/),
        page.getByRole('button', { name: 'Apply filters' }).click(),
      ]);
      await expect(
        page.getByRole('heading', { name: 'There are no cases to show' }).isVisible(),
      ).resolves.toBe(true);
      await expectNoAxeViolations(page);
    }));

  it("searches by child's name, by reference and by date of birth, showing names only in the results", () =>
    journey(page, 'work tray search', async () => {
      const search = async (text: string) => {
        await page.getByLabel("Search by reference, child's name or date of birth").fill(text);
        await Promise.all([
          page.waitForURL(/q=/),
          page.getByRole('button', { name: 'Search', exact: true }).click(),
        ]);
      };
      await search('amelia oneill');
      // Only north's Amelia: the south team's is not this caseworker's.
      let rows = await rowsText();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain('P1-NORTH-001');
      expect(rows[0]).toContain("Amelia O'Neill-Khan");
      expect(rows[0]).toContain('12 April 2016');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Search results');
      await expectNoAxeViolations(page);

      await search('P1-NORTH-002');
      rows = await rowsText();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain('Ben Jones');

      await search('30/9/2017');
      rows = await rowsText();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain('P1-NORTH-003');

      await search('P1-SOUTH-001');
      await expect(
        page.getByRole('heading', { name: 'No cases match your search' }).isVisible(),
      ).resolves.toBe(true);
      await expectNoAxeViolations(page);

      await search('x'.repeat(101));
      await expect(page.title()).resolves.toMatch(/^Error: /);
      const summaryLink = page.locator('.govuk-error-summary a');
      await expect(summaryLink.textContent()).resolves.toContain('100 characters or fewer');
      await expect(summaryLink.getAttribute('href')).resolves.toBe('#q');
      await expectNoAxeViolations(page);
    }));

  it('a caseworker searches and opens a case with the keyboard alone', () =>
    journey(page, 'search and open with the keyboard', async () => {
      await page.focus('#q');
      await page.keyboard.type('Amelia');
      await Promise.all([page.waitForURL(/q=Amelia/), page.keyboard.press('Enter')]);
      for (let presses = 0; presses < 60; presses += 1) {
        await page.keyboard.press('Tab');
        const focused = (await page.locator(':focus').textContent())?.trim();
        if (focused === 'P1-NORTH-001') break;
      }
      await Promise.all([page.waitForURL(`**/cases/${overdueId}`), page.keyboard.press('Enter')]);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('P1-NORTH-001');
    }));

  it('the case page shows the summary, every deadline, the history and the notifications', () =>
    journey(page, 'case page', async () => {
      await page.goto(`${system.webUrl}/cases/${overdueId}`);
      const summary = await page.locator('#case-summary').textContent();
      for (const text of [
        'P1-NORTH-001',
        'north',
        'Request received',
        govukDate(overdueReceivedOn),
        'Not assigned',
        "Amelia O'Neill-Khan",
        '12 April 2016',
        'Open appeals',
      ])
        expect(summary).toContain(text);
      const deadline = await page.locator('#deadlines tbody tr').first().textContent();
      expect(deadline).toContain('Decide whether to assess');
      expect(deadline).toContain('Overdue');
      expect(deadline).toContain('days overdue');
      expect(deadline).toMatch(/reg/i);
      const history = await page.locator('.moj-timeline').textContent();
      expect(history).toContain('Request for assessment received');
      expect(history).toContain('by p1-seeder');
      expect(history).toContain(`Requested by parent. On ${govukDate(overdueReceivedOn)}`);
      await expect(page.getByRole('heading', { name: 'Record the next step' }).isVisible()).resolves.toBe(
        true,
      );
      await expect(
        page.getByRole('link', { name: 'Record the next step' }).getAttribute('href'),
      ).resolves.toBe('#next-steps');
      await expect(page.getByRole('heading', { name: 'Notifications' }).isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(page);
      // With JavaScript, MOJ's sortable table sorts the deadlines by a column's header button.
      await page.getByRole('button', { name: 'Days remaining' }).click();
      await expect(page.locator('#deadlines th[aria-sort="ascending"]').textContent()).resolves.toContain(
        'Days remaining',
      );
      await expectNoAxeViolations(page);

      await page.goto(`${system.webUrl}/cases/${assessingId}`);
      await expect(page.locator('#case-summary').textContent()).resolves.toContain('cw-north-1');
      const history2 = await page.locator('.moj-timeline__title').allTextContents();
      expect(history2[0]).toContain('Decision whether to assess');
      await expect(page.locator('.moj-timeline').textContent()).resolves.toContain('Assess');
      await expectNoAxeViolations(page);
    }));

  it('filters, searches and opens a case without JavaScript', async () => {
    // axe needs scripts, so these pages are checked by the tests above, with JavaScript on.
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    try {
      await journey(plain, 'work tray without javascript', async () => {
        await plain.goto(`${system.webUrl}/dev/sign-in?sub=cw-north-1&role=caseworker&teams=north`);
        await plain.getByLabel('Stage').selectOption({ label: 'Assessing needs' });
        await Promise.all([
          plain.waitForURL(/stage=assessing/),
          plain.getByRole('button', { name: 'Apply filters' }).click(),
        ]);
        await expect(plain.locator('#cases tbody tr').allTextContents()).resolves.toHaveLength(1);
        await plain.getByLabel("Search by reference, child's name or date of birth").fill('Chloe Smith');
        await Promise.all([
          plain.waitForURL(/q=Chloe/),
          plain.getByRole('button', { name: 'Search', exact: true }).click(),
        ]);
        await Promise.all([
          plain.waitForURL(`**/cases/${assessingId}`),
          plain.getByRole('link', { name: 'P1-NORTH-003' }).click(),
        ]);
        await expect(plain.locator('#deadlines').isVisible()).resolves.toBe(true);
      });
    } finally {
      await noScript.close();
    }
  });

  it("another team's case is the 403 page, and an unknown case is not found", () =>
    journey(page, 'case of another team', async () => {
      const response = await page.goto(`${system.webUrl}/cases/${southId}`);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
        'You cannot see this page',
      );
      await expect(page.locator('main').textContent()).resolves.not.toContain('Southern');
      await expectNoAxeViolations(page);
      const unknown = await page.goto(`${system.webUrl}/cases/${randomUUID()}`);
      expect(unknown?.status()).toBe(404);
    }));
});

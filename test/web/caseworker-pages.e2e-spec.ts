import { randomUUID } from 'node:crypto';
import { signDevToken } from '@ehcp/auth';
import { govukDate } from '../../apps/web/src/views/govuk-date.filter';
import { DEV_SECRET, expectNoAxeViolations, journey, takeReadmePicture } from './support/web-system';
import { useWebJourneys } from './support/web-journeys';

jest.setTimeout(300_000);

/** Today in Europe/London, moved by `days` (facts must not be dated after today). */
function londonDay(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe('caseworker pages: work tray, search and the case page (a real browser against the real api)', () => {
  const web = useWebJourneys({ signedInAs: { sub: 'cw-north-1', role: 'caseworker', teams: ['north'] } });
  const overdueId = randomUUID();
  const assessingId = randomUUID();
  const southId = randomUUID();
  const overdueReceivedOn = londonDay(-60);

  /** A call to the api as the seeding caseworker of both teams. */
  async function api(token: string, method: string, path: string, body?: unknown) {
    const response = await fetch(`${web.system.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  }

  /** The read models include `position` (the api waits for them; tried again should the projector start late). */
  async function readModelsAt(token: string, position: string) {
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const response = await fetch(
        `${web.system.apiUrl}/cases?pageSize=1&minPosition=${encodeURIComponent(position)}`,
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

  const rowsText = () => web.page.locator('#cases tbody tr').allTextContents();
  it("the work tray lists the team's cases most urgent first, with tags and no child names, in pages of 20", () =>
    journey(web.page, 'work tray', async () => {
      expect(new URL(web.page.url()).pathname).toBe('/cases');
      await expect(web.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('My cases');
      await expect(
        web.page.getByRole('link', { name: 'Record a new request' }).getAttribute('href'),
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
      await expect(web.page.locator('#cases').textContent()).resolves.not.toContain('Amelia');
      await expect(web.page.locator('main').textContent()).resolves.not.toContain('Neill-Khan');
      await expect(web.page.locator('.govuk-tag--red').first().textContent()).resolves.toContain('Overdue');
      await expect(web.page.getByText('Showing 1 to 20 of 25 cases').isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(web.page);
      // For the README: the work tray as a caseworker sees it.
      await takeReadmePicture(web.page, 'work-tray');

      await Promise.all([
        web.page.waitForURL(/page=2/),
        web.page.getByRole('link', { name: /Next/ }).click(),
      ]);
      expect(await rowsText()).toHaveLength(5);
      await expect(web.page.getByText('Showing 21 to 25 of 25 cases').isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(web.page);
      await Promise.all([
        web.page.waitForURL((url) => !url.search.includes('page=2')),
        web.page.getByRole('link', { name: /Previous/ }).click(),
      ]);
      expect(await rowsText()).toHaveLength(20);
    }));

  it('filters by stage and by caseworker with a plain GET form, and clears them', () =>
    journey(web.page, 'work tray filters', async () => {
      await web.page.getByLabel('Stage').selectOption({ label: 'Assessing needs' });
      await Promise.all([
        web.page.waitForURL(/stage=assessing/),
        web.page.getByRole('button', { name: 'Apply filters' }).click(),
      ]);
      let rows = await rowsText();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain('P1-NORTH-003');
      expect(rows[0]).toContain('Assessing needs');
      await expect(web.page.locator('.moj-filter__tag').textContent()).resolves.toContain('Assessing needs');
      await expectNoAxeViolations(web.page);

      await Promise.all([
        web.page.waitForURL((url) => url.search === ''),
        web.page.getByRole('link', { name: 'Clear filters' }).click(),
      ]);
      expect(await rowsText()).toHaveLength(20);

      await web.page.getByLabel('Caseworker').fill('cw-north-1');
      await Promise.all([
        web.page.waitForURL(/caseworker=cw-north-1/),
        web.page.getByRole('button', { name: 'Apply filters' }).click(),
      ]);
      rows = await rowsText();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain('P1-NORTH-003');

      await web.page.getByLabel('Stage').selectOption({ label: 'Plan ceased' });
      await Promise.all([
        web.page.waitForURL(/stage=ceased/),
        web.page.getByRole('button', { name: 'Apply filters' }).click(),
      ]);
      await expect(
        web.page.getByRole('heading', { name: 'There are no cases to show' }).isVisible(),
      ).resolves.toBe(true);
      await expectNoAxeViolations(web.page);
    }));

  it("searches by child's name, by reference and by date of birth, showing names only in the results", () =>
    journey(web.page, 'work tray search', async () => {
      const search = async (text: string) => {
        await web.page.getByLabel("Search by reference, child's name or date of birth").fill(text);
        await Promise.all([
          web.page.waitForURL(/q=/),
          web.page.getByRole('button', { name: 'Search', exact: true }).click(),
        ]);
      };
      await search('amelia oneill');
      // Only north's Amelia: the south team's is not this caseworker's.
      let rows = await rowsText();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain('P1-NORTH-001');
      expect(rows[0]).toContain("Amelia O'Neill-Khan");
      expect(rows[0]).toContain('12 April 2016');
      await expect(web.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Search results');
      await expectNoAxeViolations(web.page);

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
        web.page.getByRole('heading', { name: 'No cases match your search' }).isVisible(),
      ).resolves.toBe(true);
      await expectNoAxeViolations(web.page);

      await search('x'.repeat(101));
      await expect(web.page.title()).resolves.toMatch(/^Error: /);
      const summaryLink = web.page.locator('.govuk-error-summary a');
      await expect(summaryLink.textContent()).resolves.toContain('100 characters or fewer');
      await expect(summaryLink.getAttribute('href')).resolves.toBe('#q');
      await expectNoAxeViolations(web.page);
    }));

  it('a caseworker searches and opens a case with the keyboard alone', () =>
    journey(web.page, 'search and open with the keyboard', async () => {
      await web.page.focus('#q');
      await web.page.keyboard.type('Amelia');
      await Promise.all([web.page.waitForURL(/q=Amelia/), web.page.keyboard.press('Enter')]);
      for (let presses = 0; presses < 60; presses += 1) {
        await web.page.keyboard.press('Tab');
        const focused = (await web.page.locator(':focus').textContent())?.trim();
        if (focused === 'P1-NORTH-001') break;
      }
      await Promise.all([web.page.waitForURL(`**/cases/${overdueId}`), web.page.keyboard.press('Enter')]);
      await expect(web.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('P1-NORTH-001');
    }));

  it('the case page shows the summary, every deadline, the history and the notifications', () =>
    journey(web.page, 'case page', async () => {
      await web.page.goto(`${web.system.webUrl}/cases/${overdueId}`);
      const summary = await web.page.locator('#case-summary').textContent();
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
      const deadline = await web.page.locator('#deadlines tbody tr').first().textContent();
      expect(deadline).toContain('Decide whether to assess');
      expect(deadline).toContain('Overdue');
      expect(deadline).toContain('days overdue');
      expect(deadline).toMatch(/reg/i);
      const history = await web.page.locator('.moj-timeline').textContent();
      expect(history).toContain('Request for assessment received');
      expect(history).toContain('by p1-seeder');
      expect(history).toContain(`Requested by parent. On ${govukDate(overdueReceivedOn)}`);
      await expect(web.page.getByRole('heading', { name: 'Record the next step' }).isVisible()).resolves.toBe(
        true,
      );
      await expect(
        web.page.getByRole('link', { name: 'Record the next step' }).getAttribute('href'),
      ).resolves.toBe('#next-steps');
      await expect(web.page.getByRole('heading', { name: 'Notifications' }).isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(web.page);
      // With JavaScript, MOJ's sortable table sorts the deadlines by a column's header button.
      await web.page.getByRole('button', { name: 'Days remaining' }).click();
      await expect(web.page.locator('#deadlines th[aria-sort="ascending"]').textContent()).resolves.toContain(
        'Days remaining',
      );
      await expectNoAxeViolations(web.page);

      await web.page.goto(`${web.system.webUrl}/cases/${assessingId}`);
      await expect(web.page.locator('#case-summary').textContent()).resolves.toContain('cw-north-1');
      const history2 = await web.page.locator('.moj-timeline__title').allTextContents();
      expect(history2[0]).toContain('Decision whether to assess');
      await expect(web.page.locator('.moj-timeline').textContent()).resolves.toContain('Assess');
      await expectNoAxeViolations(web.page);
    }));

  it('filters, searches and opens a case without JavaScript', async () => {
    // axe needs scripts, so these pages are checked by the tests above, with JavaScript on.
    const noScript = await web.browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    try {
      await journey(plain, 'work tray without javascript', async () => {
        await web.signIn({ sub: 'cw-north-1', role: 'caseworker', teams: ['north'] }, plain);
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
    journey(web.page, 'case of another team', async () => {
      const response = await web.page.goto(`${web.system.webUrl}/cases/${southId}`);
      expect(response?.status()).toBe(403);
      await expect(web.page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
        'You cannot see this page',
      );
      await expect(web.page.locator('main').textContent()).resolves.not.toContain('Southern');
      await expectNoAxeViolations(web.page);
      const unknown = await web.page.goto(`${web.system.webUrl}/cases/${randomUUID()}`);
      expect(unknown?.status()).toBe(404);
    }));
});

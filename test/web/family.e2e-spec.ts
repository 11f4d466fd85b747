import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { signDevToken } from '@ehcp/auth';
import { govukDate } from '../../apps/web/src/views/govuk-date.filter';
import { eventually } from '../support/eventually';
import { DEV_SECRET, expectNoAxeViolations, journey } from './support/web-system';
import { useWebJourneys } from './support/web-journeys';

jest.setTimeout(300_000);

// Issue 17, "Done when": a caseworker sends a link; the family page shows the right dates and one late
// step in plain words; axe finds no violation; the link, once revoked, shows the plain "no longer
// works" page; another case's id in the URL shows nothing of it.

/** Today in Europe/London, moved by `days` (facts must not be dated after today). */
function londonDay(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const plusDays = (iso: string, days: number) => {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

async function fillDate(page: Page, id: string, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  await page.fill(`#${id}-day`, String(Number(day)));
  await page.fill(`#${id}-month`, String(Number(month)));
  await page.fill(`#${id}-year`, year);
}

async function submit(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button }).click()]);
}

describe('the family’s private link (a real browser against the real api)', () => {
  const web = useWebJourneys();
  const caseId = randomUUID();
  const otherCaseId = randomUUID();
  // Requested 60 days ago; decided whether to assess 54 days after: 12 days past the 6 weeks (reg 5(1)).
  const receivedOn = londonDay(-60);
  const decidedOn = plusDays(receivedOn, 54);

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

  /** The family page's status, once it answers `status` (the api reads links from the read models). */
  const familyStatus = (path: string, status: number) =>
    eventually(
      () => fetch(`${web.system.webUrl}${path}`).then((response) => response.status),
      (got) => got === status,
    );

  beforeAll(async () => {
    const token = await signDevToken(
      { sub: 'cw-north-1', roles: ['caseworker'], teams: ['north'] },
      DEV_SECRET,
    );
    await api(token, 'POST', '/cases', {
      caseId,
      reference: 'FAM-0001',
      team: 'north',
      requestReceivedOn: receivedOn,
      requestedBy: 'parent',
      child: { firstName: 'Amara', lastName: 'Okafor', dateOfBirth: '2016-04-09' },
    });
    await api(token, 'POST', `/cases/${caseId}/assessment-decision`, { decision: 'assess', decidedOn });
    const { position } = await api(token, 'POST', '/cases', {
      caseId: otherCaseId,
      reference: 'FAM-0002',
      team: 'north',
      requestReceivedOn: receivedOn,
      requestedBy: 'parent',
      child: { firstName: 'Zephyrine', lastName: 'Quillfeather', dateOfBirth: '2017-08-23' },
    });
    // The case page reads the read models: wait until they hold both cases.
    await eventually(
      () =>
        fetch(`${web.system.apiUrl}/cases/${caseId}?minPosition=${encodeURIComponent(String(position))}`, {
          headers: { authorization: `Bearer ${token}` },
        }).then((response) => response.status),
      (status) => status === 200,
    );
  }, 300_000);

  it('a caseworker records the child’s views and sends a link; the family sees their steps; the link is stopped', () =>
    journey(web.page, 'family link', async () => {
      await web.signIn({ sub: 'cw-north-1', role: 'caseworker', teams: ['north'] });
      await web.page.goto(`${web.system.webUrl}/cases/${caseId}`);
      await expect(web.page.locator('#family-link-status').textContent()).resolves.toContain(
        'The family has no link at the moment.',
      );
      await expectNoAxeViolations(web.page);

      // The child's views, through the step form.
      await Promise.all([
        web.page.waitForNavigation(),
        web.page.getByRole('link', { name: 'Record the child’s or young person’s views' }).first().click(),
      ]);
      await expectNoAxeViolations(web.page);
      await fillDate(web.page, 'gatheredOn', londonDay(-3));
      await web.page.getByLabel('At a meeting').check();
      await web.page.getByLabel('Assessment', { exact: true }).check();
      await web.page
        .getByLabel('Summary of their views (optional)')
        .fill('Likes drawing; finds loud rooms hard.');
      await submit(web.page, 'Record the views');
      await expect(web.page.locator('.govuk-notification-banner--success').textContent()).resolves.toContain(
        'views recorded',
      );
      const views = web.page.locator('#child-views-table');
      await expect(views.textContent()).resolves.toContain('Likes drawing; finds loud rooms hard.');
      await expect(views.textContent()).resolves.toContain(govukDate(londonDay(-3)));

      // Send the family a link: its URL is shown once, to copy.
      await submit(web.page, 'Send the family a link');
      const url = await web.page.getByLabel('The family’s private link').inputValue();
      expect(url).toMatch(/\/family\/[A-Za-z0-9_-]{43}$/);
      await expect(web.page.locator('#family-link-status').textContent()).resolves.toMatch(/It works until/);
      await expectNoAxeViolations(web.page);
      await web.page.reload();
      await expect(web.page.getByLabel('The family’s private link').count()).resolves.toBe(0);
      const path = new URL(url).pathname;
      const token = path.split('/').pop() ?? '';

      // The family opens it on their own device: no sign-in, no session.
      await familyStatus(path, 200);
      const family = await web.browser.newContext();
      try {
        const familyPage = await family.newPage();
        const response = await familyPage.goto(`${web.system.webUrl}${path}`);
        expect(response?.status()).toBe(200);
        const headers = response?.headers() ?? {};
        expect(headers['cache-control']).toBe('no-store');
        expect(headers['referrer-policy']).toBe('no-referrer');
        expect(headers['x-robots-tag']).toContain('noindex');
        expect(headers['set-cookie']).toBeUndefined();
        await expect(familyPage.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
          'Your child’s EHC plan: where things are',
        );
        const main = (await familyPage.locator('main').textContent()) ?? '';
        expect(main).toContain('Done on ' + govukDate(decidedOn) + '.');
        expect(main).toContain(
          'The council must tell you whether it will assess your child within 6 weeks of your request.',
        );
        // One late step, said plainly; the next ones due on their dates.
        expect(main.match(/days? late\./g)).toEqual(['days late.']);
        expect(main).toContain('This was 12 days late.');
        expect(main).toContain('Due by ' + govukDate(plusDays(receivedOn, 140)) + '.');
        expect(main).toContain('The council sends you the final EHC plan');
        expect(main).toContain(
          `On ${govukDate(londonDay(-3))}, your child shared their views at a meeting, for the assessment.`,
        );
        expect(main).toContain('FAM-0001');
        // No caseworker, no notes, no words of the child's that the link's holder may not have heard.
        expect(main).not.toContain('cw-north-1');
        expect(main).not.toContain('Likes drawing');
        expect(main).not.toContain('Okafor');
        await expect(familyPage.getByRole('link', { name: /IPSEA/ }).getAttribute('href')).resolves.toBe(
          'https://www.ipsea.org.uk',
        );
        await expectNoAxeViolations(familyPage);
        // The view is in the case's history.
        const history = await eventually(
          async () => {
            await web.page.reload();
            return (await web.page.locator('main').textContent()) ?? '';
          },
          (text) => text.includes('Family looked at their page'),
        );
        expect(history).toContain('Family looked at their page');

        // The caseworker stops the link: the same URL now says so, plainly (410).
        await submit(web.page, 'Stop this link');
        await expect(
          web.page.locator('.govuk-notification-banner--success').textContent(),
        ).resolves.toContain('The family’s link was stopped');
        await expect(web.page.locator('#family-link-status').textContent()).resolves.toContain(
          'The family has no link at the moment.',
        );
        await familyStatus(path, 410);
        const ended = await familyPage.goto(`${web.system.webUrl}${path}`);
        expect(ended?.status()).toBe(410);
        await expect(familyPage.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
          'This link no longer works',
        );
        await expect(familyPage.locator('main').textContent()).resolves.toContain('send.team@example.gov.uk');
        await expectNoAxeViolations(familyPage);

        // Another case's id in the URL: nothing of that case, nor of this one.
        const other = await familyPage.goto(`${web.system.webUrl}/family/${otherCaseId}`);
        expect(other?.status()).toBe(404);
        await expect(familyPage.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
          'This link does not work',
        );
        const nothing = (await familyPage.locator('body').textContent()) ?? '';
        for (const secret of ['FAM-0002', 'Zephyrine', 'Quillfeather', 'FAM-0001', 'Amara'])
          expect(nothing).not.toContain(secret);
        await expectNoAxeViolations(familyPage);
        expect((await family.cookies()).length).toBe(0);
      } finally {
        await family.close();
      }

      // The token is in no output of the apps (the request log writes /family/[redacted]).
      expect(web.system.output()).not.toContain(token);
    }));
});

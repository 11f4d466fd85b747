import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  expectNoAxeViolations,
  journey,
  launchChromium,
  startWebSystem,
  type WebSystem,
} from './support/web-system';

jest.setTimeout(300_000);

/** A date `days` before today (UTC; the journey's dates are weeks apart, so the zone does not matter). */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

async function fillDate(page: Page, id: string, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  await page.fill(`#${id}-day`, String(Number(day)));
  await page.fill(`#${id}-month`, String(Number(month)));
  await page.fill(`#${id}-year`, year);
}

/** Submits the form and waits for the next page. */
async function submit(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button }).click()]);
}

async function openStep(page: Page, title: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: title, exact: true }).click()]);
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(title);
  await expectNoAxeViolations(page);
}

async function expectBanner(page: Page, text: string): Promise<void> {
  await expect(page.locator('.govuk-notification-banner--success').textContent()).resolves.toContain(text);
  await expectNoAxeViolations(page);
}

/** The id of the element with the keyboard focus. */
function focusedId(page: Page): Promise<string | undefined> {
  return page.evaluate(
    () =>
      (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement
        ?.id,
  );
}

describe('caseworker forms (a real browser against the real api)', () => {
  let system: WebSystem;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    system = await startWebSystem();
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  }, 60_000);

  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
  });

  afterEach(() => context.close());

  it('a caseworker creates a case and takes it to a final plan in the browser, then corrects a fact', () =>
    journey(page, 'case to final plan', async () => {
      await page.goto(`${system.webUrl}/dev/sign-in?sub=cw-north-1&role=caseworker&teams=north`);

      // A new request: the empty form, then an incomplete one (the form's own check), then filled.
      await page.goto(`${system.webUrl}/cases/new`);
      await expectNoAxeViolations(page);
      await submit(page, 'Record the request');
      await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
        'Enter the date the request was received',
      );
      await expectNoAxeViolations(page);
      await fillDate(page, 'requestReceivedOn', daysAgo(120));
      await page.getByLabel('Parent', { exact: true }).check();
      await page.getByLabel('Child’s first name').fill('Amara');
      await page.getByLabel('Child’s last name').fill('Okafor');
      await fillDate(page, 'child-dateOfBirth', '2016-04-09');
      await expect(page.getByLabel('north').isChecked()).resolves.toBe(true);
      await submit(page, 'Record the request');
      expect(new URL(page.url()).pathname).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
      await expectBanner(page, 'Request recorded');

      // A refused step: a decision dated tomorrow; the api's error names the field.
      await openStep(page, 'Decide whether to assess');
      await page.getByLabel('Assess', { exact: true }).check();
      await fillDate(page, 'decidedOn', new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10));
      await submit(page, 'Record the decision');
      const summary = page.locator('.govuk-error-summary');
      await expect(summary.textContent()).resolves.toContain(
        'Date of the decision must be today or in the past',
      );
      await expect(summary.getByRole('link').first().getAttribute('href')).resolves.toBe('#decidedOn-day');
      await expect(page.getByLabel('Assess', { exact: true }).isChecked()).resolves.toBe(true);
      await expectNoAxeViolations(page);
      await fillDate(page, 'decidedOn', daysAgo(100));
      await submit(page, 'Record the decision');
      await expectBanner(page, 'Decision whether to assess recorded');

      await openStep(page, 'Request advice');
      await page.getByLabel('Educational psychology').check();
      await fillDate(page, 'requestedOn', daysAgo(95));
      await submit(page, 'Record the request');
      await expectBanner(page, 'Advice request recorded');

      await openStep(page, 'Receive advice');
      await fillDate(page, 'receivedOn', daysAgo(70));
      await submit(page, 'Record the advice');
      await expectBanner(page, 'Advice received recorded');

      await openStep(page, 'Decide whether to issue a plan');
      await page.getByLabel('Issue a plan').check();
      await fillDate(page, 'decidedOn', daysAgo(60));
      await submit(page, 'Record the decision');
      await expectBanner(page, 'Decision whether to issue a plan recorded');

      // Keyboard only: tab to the date, type it, and press Enter to submit.
      await openStep(page, 'Send the draft plan');
      const [year, month, day] = daysAgo(50).split('-');
      for (let i = 0; i < 40; i += 1) {
        await page.keyboard.press('Tab');
        if ((await focusedId(page)) === 'issuedOn-day') break;
      }
      await expect(focusedId(page)).resolves.toBe('issuedOn-day');
      await page.keyboard.type(String(Number(day)));
      await page.keyboard.press('Tab');
      await page.keyboard.type(String(Number(month)));
      await page.keyboard.press('Tab');
      await page.keyboard.type(year);
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      await expectBanner(page, 'Draft plan recorded');

      // A conflict (409): a final plan inside the representation window; its message in the summary.
      await openStep(page, 'Issue the final plan');
      await fillDate(page, 'issuedOn', daysAgo(45));
      await page.getByLabel('School or college').fill('Northfield Primary');
      await page.getByLabel('Type of placement').fill('mainstream');
      await submit(page, 'Record the final plan');
      await expect(page.locator('.govuk-error-summary').textContent()).resolves.toMatch(
        /The representation window on the draft runs to \d{1,2} [A-Z][a-z]+ \d{4}/,
      );
      await expect(page.getByLabel('School or college').inputValue()).resolves.toBe('Northfield Primary');
      await expectNoAxeViolations(page);
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('link', { name: 'Back', exact: true }).click(),
      ]);

      await openStep(page, 'Receive representations on the draft plan');
      await fillDate(page, 'receivedOn', daysAgo(40));
      await submit(page, 'Record the representations');
      await expectBanner(page, 'Representations recorded');

      await openStep(page, 'Issue the final plan');
      await fillDate(page, 'issuedOn', daysAgo(20));
      await page.getByLabel('School or college').fill('Northfield Primary');
      await page.getByLabel('Type of placement').fill('mainstream');
      await submit(page, 'Record the final plan');
      await expectBanner(page, 'Final plan recorded');
      await expect(page.locator('#case-summary').textContent()).resolves.toContain('Plan maintained');
      await expect(
        page.getByRole('link', { name: 'Record an annual review meeting' }).isVisible(),
      ).resolves.toBe(true);

      // A correction: the advice arrived a day later than recorded.
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('link', { name: /^Correct advice received/ }).click(),
      ]);
      await expect(page.locator('#receivedOn-day').inputValue()).resolves.toBe(
        String(Number(daysAgo(70).slice(8))),
      );
      await expectNoAxeViolations(page);
      await fillDate(page, 'receivedOn', daysAgo(69));
      await page.getByLabel('Why are you making this change?').fill('The date was typed wrongly.');
      await submit(page, 'Save the correction');
      await expectBanner(page, 'Correction saved');
    }));

  it('a double submit of the same form appends once', () =>
    journey(page, 'double submit', async () => {
      await page.goto(`${system.webUrl}/dev/sign-in?sub=cw-north-1&role=caseworker&teams=north`);
      await page.goto(`${system.webUrl}/cases/new`);
      await fillDate(page, 'requestReceivedOn', daysAgo(30));
      await page.getByLabel('School', { exact: true }).check();
      await page.getByLabel('Child’s first name').fill('Leo');
      await page.getByLabel('Child’s last name').fill('Marsh');
      await fillDate(page, 'child-dateOfBirth', '2018-02-01');
      await submit(page, 'Record the request');
      await openStep(page, 'Decide whether to assess');
      await page.getByLabel('Assess', { exact: true }).check();
      await fillDate(page, 'decidedOn', daysAgo(10));
      // The same form posted twice (a double click without JavaScript): one event, two redirects.
      const field = (name: string) => page.locator(`input[name="${name}"]`).first().inputValue();
      const form: Record<string, string> = { decision: 'assess' };
      for (const name of [
        '_csrf',
        '_nonce',
        '_revision',
        'decidedOn-day',
        'decidedOn-month',
        'decidedOn-year',
      ])
        form[name] = await field(name);
      const action = `${system.webUrl}${await page.locator('#step-form').getAttribute('action')}`;
      const send = () => context.request.post(action, { form, maxRedirects: 0 });
      const answers = await Promise.all([send(), send()]);
      expect(answers.map((answer) => answer.status())).toEqual([303, 303]);
      await page.goto(page.url().replace(/\/steps\/.*$/, ''));
      await expect(
        page.getByRole('link', { name: /^Correct decision whether to assess/ }).count(),
      ).resolves.toBe(1);
    }));

  it('a plan transferred in: a stale form is refused, the child’s details change, a fact is voided', () =>
    journey(page, 'transfer in, conflict, child, void', async () => {
      await page.goto(`${system.webUrl}/dev/sign-in?sub=cw-north-2&role=caseworker&teams=north`);
      await page.goto(`${system.webUrl}/cases/new`);
      await Promise.all([
        page.waitForNavigation(),
        page
          .getByRole('link', { name: 'Record a plan transferred in from another authority instead' })
          .click(),
      ]);
      await expectNoAxeViolations(page);
      await page.getByLabel('Authority the plan came from').fill('Riverside Council');
      await fillDate(page, 'transferredOn', daysAgo(30));
      await fillDate(page, 'planMadeOn', daysAgo(400));
      await page.getByLabel('School or college').fill('Hill Academy');
      await page.getByLabel('Type of placement').fill('special school');
      await page.getByLabel('Child’s first name').fill('Sami');
      await page.getByLabel('Child’s last name').fill('Reyes');
      await fillDate(page, 'child-dateOfBirth', '2012-11-20');
      await submit(page, 'Record the transfer');
      await expectBanner(page, 'Transferred plan recorded');
      const caseUrl = page.url().replace(/\?.*$/, '');

      // Two forms rendered at the same revision: the second to be posted is stale (412).
      const other = await context.newPage();
      await other.goto(`${caseUrl}/steps/review-meeting`);
      await openStep(page, 'Send the transfer notice');
      await fillDate(page, 'issuedOn', daysAgo(20));
      await page.getByLabel('Yes', { exact: true }).check();
      await submit(page, 'Record the notice');
      await expectBanner(page, 'Transfer notice recorded');
      await fillDate(other, 'meetingHeldOn', daysAgo(10));
      await submit(other, 'Record the meeting');
      await expect(other.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Someone else changed this case',
      );
      await expectNoAxeViolations(other);
      await Promise.all([
        other.waitForNavigation(),
        other.getByRole('link', { name: 'Go back to the case' }).click(),
      ]);
      expect(other.url()).toBe(caseUrl);
      await other.close();

      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('link', { name: 'Change the child’s details' }).click(),
      ]);
      await expect(page.getByLabel('First name').inputValue()).resolves.toBe('Sami');
      await expectNoAxeViolations(page);
      await page.getByLabel('First name').fill('Samira');
      await page.getByLabel('Why are you changing them?').fill('Spelling corrected by the family.');
      await submit(page, 'Save the changes');
      await expectBanner(page, 'Child’s details changed');

      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('link', { name: /^Void transfer notice issued/ }).click(),
      ]);
      await expectNoAxeViolations(page);
      await submit(page, 'Void this fact');
      await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
        'Enter why you are voiding it',
      );
      await expectNoAxeViolations(page);
      await page.getByLabel('Why are you voiding it?').fill('Recorded on the wrong case.');
      await submit(page, 'Void this fact');
      await expectBanner(page, 'Fact voided');
    }));
});

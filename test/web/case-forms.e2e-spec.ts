import type { Page } from 'playwright-core';
import { expectNoAxeViolations, journey } from './support/web-system';
import { useWebJourneys } from './support/web-journeys';

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
  const web = useWebJourneys();

  it('a caseworker creates a case and takes it to a final plan in the browser, then corrects a fact', () =>
    journey(web.page, 'case to final plan', async () => {
      await web.signIn({ sub: 'cw-north-1', role: 'caseworker', teams: ['north'] });

      // A new request: the empty form, then an incomplete one (the form's own check), then filled.
      await web.page.goto(`${web.system.webUrl}/cases/new`);
      await expectNoAxeViolations(web.page);
      await submit(web.page, 'Record the request');
      await expect(web.page.locator('.govuk-error-summary').textContent()).resolves.toContain(
        'Enter the date the request was received',
      );
      await expectNoAxeViolations(web.page);
      await fillDate(web.page, 'requestReceivedOn', daysAgo(120));
      await web.page.getByLabel('Parent', { exact: true }).check();
      await web.page.getByLabel('Child’s first name').fill('Amara');
      await web.page.getByLabel('Child’s last name').fill('Okafor');
      await fillDate(web.page, 'child-dateOfBirth', '2016-04-09');
      await expect(web.page.getByLabel('north').isChecked()).resolves.toBe(true);
      await submit(web.page, 'Record the request');
      expect(new URL(web.page.url()).pathname).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
      await expectBanner(web.page, 'Request recorded');

      // A refused step: a decision dated tomorrow; the api's error names the field.
      await openStep(web.page, 'Decide whether to assess');
      await web.page.getByLabel('Assess', { exact: true }).check();
      await fillDate(web.page, 'decidedOn', new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10));
      await submit(web.page, 'Record the decision');
      const summary = web.page.locator('.govuk-error-summary');
      await expect(summary.textContent()).resolves.toContain(
        'Date of the decision must be today or in the past',
      );
      await expect(summary.getByRole('link').first().getAttribute('href')).resolves.toBe('#decidedOn-day');
      await expect(web.page.getByLabel('Assess', { exact: true }).isChecked()).resolves.toBe(true);
      await expectNoAxeViolations(web.page);
      await fillDate(web.page, 'decidedOn', daysAgo(100));
      await submit(web.page, 'Record the decision');
      await expectBanner(web.page, 'Decision whether to assess recorded');

      await openStep(web.page, 'Request advice');
      await web.page.getByLabel('Educational psychology').check();
      await fillDate(web.page, 'requestedOn', daysAgo(95));
      await submit(web.page, 'Record the request');
      await expectBanner(web.page, 'Advice request recorded');

      await openStep(web.page, 'Receive advice');
      await fillDate(web.page, 'receivedOn', daysAgo(70));
      await submit(web.page, 'Record the advice');
      await expectBanner(web.page, 'Advice received recorded');

      await openStep(web.page, 'Decide whether to issue a plan');
      await web.page.getByLabel('Issue a plan').check();
      await fillDate(web.page, 'decidedOn', daysAgo(60));
      await submit(web.page, 'Record the decision');
      await expectBanner(web.page, 'Decision whether to issue a plan recorded');

      // Keyboard only: tab to the date, type it, and press Enter to submit.
      await openStep(web.page, 'Send the draft plan');
      const [year, month, day] = daysAgo(50).split('-');
      for (let i = 0; i < 40; i += 1) {
        await web.page.keyboard.press('Tab');
        if ((await focusedId(web.page)) === 'issuedOn-day') break;
      }
      await expect(focusedId(web.page)).resolves.toBe('issuedOn-day');
      await web.page.keyboard.type(String(Number(day)));
      await web.page.keyboard.press('Tab');
      await web.page.keyboard.type(String(Number(month)));
      await web.page.keyboard.press('Tab');
      await web.page.keyboard.type(year);
      await Promise.all([web.page.waitForNavigation(), web.page.keyboard.press('Enter')]);
      await expectBanner(web.page, 'Draft plan recorded');

      // A conflict (409): a final plan inside the representation window; its message in the summary.
      await openStep(web.page, 'Issue the final plan');
      await fillDate(web.page, 'issuedOn', daysAgo(45));
      await web.page.getByLabel('School or college').fill('Northfield Primary');
      await web.page.getByLabel('Type of placement').fill('mainstream');
      await submit(web.page, 'Record the final plan');
      await expect(web.page.locator('.govuk-error-summary').textContent()).resolves.toMatch(
        /The representation window on the draft runs to \d{1,2} [A-Z][a-z]+ \d{4}/,
      );
      await expect(web.page.getByLabel('School or college').inputValue()).resolves.toBe('Northfield Primary');
      await expectNoAxeViolations(web.page);
      await Promise.all([
        web.page.waitForNavigation(),
        web.page.getByRole('link', { name: 'Back', exact: true }).click(),
      ]);

      await openStep(web.page, 'Receive representations on the draft plan');
      await fillDate(web.page, 'receivedOn', daysAgo(40));
      await submit(web.page, 'Record the representations');
      await expectBanner(web.page, 'Representations recorded');

      await openStep(web.page, 'Issue the final plan');
      await fillDate(web.page, 'issuedOn', daysAgo(20));
      await web.page.getByLabel('School or college').fill('Northfield Primary');
      await web.page.getByLabel('Type of placement').fill('mainstream');
      await submit(web.page, 'Record the final plan');
      await expectBanner(web.page, 'Final plan recorded');
      await expect(web.page.locator('#case-summary').textContent()).resolves.toContain('Plan maintained');
      await expect(
        web.page.getByRole('link', { name: 'Record an annual review meeting' }).isVisible(),
      ).resolves.toBe(true);

      // A correction: the advice arrived a day later than recorded.
      await Promise.all([
        web.page.waitForNavigation(),
        web.page.getByRole('link', { name: /^Correct advice received/ }).click(),
      ]);
      await expect(web.page.locator('#receivedOn-day').inputValue()).resolves.toBe(
        String(Number(daysAgo(70).slice(8))),
      );
      await expectNoAxeViolations(web.page);
      await fillDate(web.page, 'receivedOn', daysAgo(69));
      await web.page.getByLabel('Why are you making this change?').fill('The date was typed wrongly.');
      await submit(web.page, 'Save the correction');
      await expectBanner(web.page, 'Correction saved');
    }));

  it('a double submit of the same form appends once', () =>
    journey(web.page, 'double submit', async () => {
      await web.signIn({ sub: 'cw-north-1', role: 'caseworker', teams: ['north'] });
      await web.page.goto(`${web.system.webUrl}/cases/new`);
      await fillDate(web.page, 'requestReceivedOn', daysAgo(30));
      await web.page.getByLabel('School', { exact: true }).check();
      await web.page.getByLabel('Child’s first name').fill('Leo');
      await web.page.getByLabel('Child’s last name').fill('Marsh');
      await fillDate(web.page, 'child-dateOfBirth', '2018-02-01');
      await submit(web.page, 'Record the request');
      await openStep(web.page, 'Decide whether to assess');
      await web.page.getByLabel('Assess', { exact: true }).check();
      await fillDate(web.page, 'decidedOn', daysAgo(10));
      // The same form posted twice (a double click without JavaScript): one event, two redirects.
      const field = (name: string) => web.page.locator(`input[name="${name}"]`).first().inputValue();
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
      const action = `${web.system.webUrl}${await web.page.locator('#step-form').getAttribute('action')}`;
      const send = () => web.context.request.post(action, { form, maxRedirects: 0 });
      const answers = await Promise.all([send(), send()]);
      expect(answers.map((answer) => answer.status())).toEqual([303, 303]);
      await web.page.goto(web.page.url().replace(/\/steps\/.*$/, ''));
      await expect(
        web.page.getByRole('link', { name: /^Correct decision whether to assess/ }).count(),
      ).resolves.toBe(1);
    }));

  it('a plan transferred in: a stale form is refused, the child’s details change, a fact is voided', () =>
    journey(web.page, 'transfer in, conflict, child, void', async () => {
      await web.signIn({ sub: 'cw-north-2', role: 'caseworker', teams: ['north'] });
      await web.page.goto(`${web.system.webUrl}/cases/new`);
      await Promise.all([
        web.page.waitForNavigation(),
        web.page
          .getByRole('link', { name: 'Record a plan transferred in from another authority instead' })
          .click(),
      ]);
      await expectNoAxeViolations(web.page);
      await web.page.getByLabel('Authority the plan came from').fill('Riverside Council');
      await fillDate(web.page, 'transferredOn', daysAgo(30));
      await fillDate(web.page, 'planMadeOn', daysAgo(400));
      await web.page.getByLabel('School or college').fill('Hill Academy');
      await web.page.getByLabel('Type of placement').fill('special school');
      await web.page.getByLabel('Child’s first name').fill('Sami');
      await web.page.getByLabel('Child’s last name').fill('Reyes');
      await fillDate(web.page, 'child-dateOfBirth', '2012-11-20');
      await submit(web.page, 'Record the transfer');
      await expectBanner(web.page, 'Transferred plan recorded');
      const caseUrl = web.page.url().replace(/\?.*$/, '');

      // Two forms rendered at the same revision: the second to be posted is stale (412).
      const other = await web.context.newPage();
      await other.goto(`${caseUrl}/steps/review-meeting`);
      await openStep(web.page, 'Send the transfer notice');
      await fillDate(web.page, 'issuedOn', daysAgo(20));
      await web.page.getByLabel('Yes', { exact: true }).check();
      await submit(web.page, 'Record the notice');
      await expectBanner(web.page, 'Transfer notice recorded');
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
        web.page.waitForNavigation(),
        web.page.getByRole('link', { name: 'Change the child’s details' }).click(),
      ]);
      await expect(web.page.getByLabel('First name').inputValue()).resolves.toBe('Sami');
      await expectNoAxeViolations(web.page);
      await web.page.getByLabel('First name').fill('Samira');
      await web.page.getByLabel('Why are you changing them?').fill('Spelling corrected by the family.');
      await submit(web.page, 'Save the changes');
      await expectBanner(web.page, 'Child’s details changed');

      await Promise.all([
        web.page.waitForNavigation(),
        web.page.getByRole('link', { name: /^Void transfer notice issued/ }).click(),
      ]);
      await expectNoAxeViolations(web.page);
      await submit(web.page, 'Void this fact');
      await expect(web.page.locator('.govuk-error-summary').textContent()).resolves.toContain(
        'Enter why you are voiding it',
      );
      await expectNoAxeViolations(web.page);
      await web.page.getByLabel('Why are you voiding it?').fill('Recorded on the wrong case.');
      await submit(web.page, 'Void this fact');
      await expectBanner(web.page, 'Fact voided');
    }));
});

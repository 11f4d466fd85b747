import type { Browser, BrowserContext, Page } from 'playwright-core';
import { signDevToken, type Role } from '@ehcp/auth';
import { eventually } from '../support/eventually';
import {
  DEV_SECRET,
  expectNoAxeViolations,
  journey,
  launchChromium,
  startWebSystem,
  type WebSystem,
} from './support/web-system';

jest.setTimeout(300_000);

/** A command straight to the api (setting data up as a caseworker would have). */
async function command(system: WebSystem, token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${system.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function tokenOf(sub: string, role: Role): Promise<string> {
  return signDevToken({ sub, roles: [role], teams: ['north'] }, DEV_SECRET);
}

/** A case of team north taken to its final plan (draft 14 April 2025, final 19 May 2025). */
async function caseWithFinalPlan(system: WebSystem, reference: string, child: Record<string, string>) {
  const token = await tokenOf('cw-north-1', 'caseworker');
  const { caseId } = await command(system, token, 'POST', '/cases', {
    reference,
    team: 'north',
    requestReceivedOn: '2025-01-06',
    requestedBy: 'parent',
    child,
  });
  const steps: [string, unknown][] = [
    ['assessment-decision', { decision: 'assess', decidedOn: '2025-02-10' }],
    ['plan-decision', { decision: 'issue', decidedOn: '2025-04-07' }],
    ['draft-plan', { issuedOn: '2025-04-14' }],
    [
      'final-plan',
      { issuedOn: '2025-05-19', placement: { institution: 'Riverside Primary School', type: 'mainstream' } },
    ],
  ];
  for (const [path, body] of steps) await command(system, token, 'POST', `/cases/${caseId}/${path}`, body);
  return String(caseId);
}

/** Moves the keyboard focus with Tab until `selector` has it (at most `max` presses). */
async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    const focused = selector
      .split(',')
      .map((one) => `${one.trim()}:focus`)
      .join(', ');
    if ((await page.locator(focused).count()) > 0) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Chooses the n-th (0-based) radio of a group with the keyboard: Tab into it, then arrows. */
async function chooseRadio(page: Page, idPrefix: string, index: number): Promise<void> {
  await tabTo(
    page,
    `input[type=radio][name="${idPrefix.replace('-', '.')}"], input[type=radio][name="${idPrefix}"]`,
  );
  if (index === 0) await page.keyboard.press('Space');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
}

describe('QA officer and admin pages (a real browser against the real api)', () => {
  let system: WebSystem;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let caseId: string;

  beforeAll(async () => {
    system = await startWebSystem();
    browser = await launchChromium();
    caseId = await caseWithFinalPlan(system, 'QA-0001', {
      firstName: 'Amira',
      lastName: 'Okafor',
      dateOfBirth: '2015-03-14',
    });
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

  it('a QA officer finds the plan, records an audit by keyboard alone (one refused attempt), and sees it listed', () =>
    journey(page, 'qa officer records an audit', async () => {
      // The search reads the projector's read model: wait until the case is in it.
      const qaToken = await tokenOf('qa-north-1', 'qa_officer');
      await eventually<{ total?: number }>(
        async () =>
          fetch(`${system.apiUrl}/cases?q=QA-0001`, { headers: { authorization: `Bearer ${qaToken}` } }).then(
            (r) => r.json() as Promise<{ total?: number }>,
          ),
        (body) => body.total === 1,
      );
      await page.goto(`${system.webUrl}/dev/sign-in?sub=qa-north-1&role=qa_officer&teams=north`);
      expect(new URL(page.url()).pathname).toBe('/qa');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Quality assurance');
      await expect(page.getByText('No audits were recorded in this period.').isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(page); // empty

      // Find the plan by its reference, with the keyboard.
      await page.focus('#q');
      await page.keyboard.type('qa-0001');
      await page.keyboard.press('Enter');
      await page.waitForSelector('table');
      await expect(page.getByRole('cell', { name: 'Amira Okafor' }).isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(page); // results
      await tabTo(page, `a[href="/cases/${caseId}/qa-audits/new"]`);
      await Promise.all([page.waitForURL(`**/cases/${caseId}/qa-audits/new`), page.keyboard.press('Enter')]);
      await expectNoAxeViolations(page); // the empty form

      // A draft audit with section I graded: the api refuses (a draft never names a placement).
      await page.focus('#planVersion');
      await page.keyboard.press('Space'); // Draft plan
      await page.keyboard.press('Tab');
      await page.keyboard.type('2');
      await page.keyboard.press('Tab');
      await page.keyboard.type('6');
      await page.keyboard.press('Tab');
      await page.keyboard.type('2025');
      await chooseRadio(page, 'auditorRole', 3); // QA officer
      const grades: [string, number][] = [
        ['A', 1], // good
        ['B', 1],
        ['C', 4], // not applicable
        ['D', 4],
        ['E', 2], // requires improvement
        ['F', 1],
        ['G', 4],
        ['H1', 4],
        ['H2', 4],
        ['I', 1], // good: refused for a draft
        ['J', 4],
        ['K', 0], // outstanding
      ];
      for (const [section, index] of grades) await chooseRadio(page, `sections.${section}`, index);
      await tabTo(page, '#actions');
      await page.keyboard.type('Make the outcomes in section E specific and measurable.');
      await tabTo(page, 'button.govuk-button');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);

      const summary = page.locator('.govuk-error-summary');
      await expect(summary.isVisible()).resolves.toBe(true);
      const link = summary.getByRole('link');
      await expect(link.count()).resolves.toBe(1);
      await expect(link.getAttribute('href')).resolves.toBe('#sections-I');
      await expect(link.textContent()).resolves.toBe(
        'Choose ‘Not applicable’ for section I: a draft plan never names a placement',
      );
      await expect(page.title()).resolves.toMatch(/^Error: /);
      // The answers are kept.
      await expect(page.locator('#actions').inputValue()).resolves.toContain('specific and measurable');
      await expect(
        page.locator('input[name="sections.E"][value="requires_improvement"]').isChecked(),
      ).resolves.toBe(true);
      await expectNoAxeViolations(page); // error

      // Follow the summary's link to section I and choose "Not applicable", all by keyboard.
      await page.focus('.govuk-error-summary a');
      await page.keyboard.press('Enter');
      await expect(page.locator('#sections-I:focus').count()).resolves.toBe(1);
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
      await expect(
        page.locator('input[name="sections.I"][value="not_applicable"]').isChecked(),
      ).resolves.toBe(true);
      await tabTo(page, 'button.govuk-button');
      await Promise.all([page.waitForURL(`**/cases/${caseId}/qa-audits`), page.keyboard.press('Enter')]);

      // The derived overall grade, and the audit listed under the draft plan.
      const banner = page.locator('.govuk-notification-banner--success');
      await expect(banner.textContent()).resolves.toContain('Audit recorded. Overall grade: Good');
      await expect(page.getByRole('heading', { level: 2, name: 'Draft plan' }).isVisible()).resolves.toBe(
        true,
      );
      const audits = page.getByRole('table', { name: 'Audits of the draft plan, newest first' });
      await expect(audits.textContent()).resolves.toContain('2 June 2025');
      await expect(audits.textContent()).resolves.toContain('QA officer (qa-north-1)');
      await expect(audits.textContent()).resolves.toContain(
        'Make the outcomes in section E specific and measurable.',
      );
      const sectionGrades = page.getByRole('table', { name: 'Section grades of the draft plan' });
      await expect(sectionGrades.getByRole('row', { name: /E: Outcomes/ }).textContent()).resolves.toContain(
        'Requires improvement',
      );
      await expectNoAxeViolations(page); // filled
      // The banner is shown once.
      await page.reload();
      await expect(page.locator('.govuk-notification-banner').count()).resolves.toBe(0);

      // A second audit, of the final plan, recorded through the api: the page groups them by version.
      await command(system, qaToken, 'POST', `/cases/${caseId}/qa-audits`, {
        planVersion: 'final',
        auditedOn: '2025-06-20',
        auditorRole: 'health',
        sections: {
          A: 'good',
          B: 'inadequate',
          C: 'good',
          D: 'good',
          E: 'good',
          F: 'good',
          G: 'good',
          H1: 'good',
          H2: 'good',
          I: 'good',
          J: 'good',
          K: 'good',
        },
      });
      await page.reload();
      await expect(page.getByRole('heading', { level: 2 }).allTextContents()).resolves.toEqual(
        expect.arrayContaining(['Draft plan', 'Final plan']),
      );
      await expect(
        page.getByRole('table', { name: 'Audits of the final plan, newest first' }).textContent(),
      ).resolves.toContain('Requires improvement');

      // The start page's summary counts both audits of the period, once the projector has them.
      await eventually(
        async () =>
          (await (
            await fetch(`${system.apiUrl}/qa/summary?from=2025-01-01&to=2025-12-31`, {
              headers: { authorization: `Bearer ${qaToken}` },
            })
          ).json()) as { audits: number },
        (body) => body.audits === 2,
      );
      await page.goto(`${system.webUrl}/qa?from=2025-01-01&to=2025-12-31`);
      await expect(page.getByRole('table', { name: 'Overall grades' }).isVisible()).resolves.toBe(true);
      await expect(page.locator('.govuk-summary-list').textContent()).resolves.toMatch(/Audits\s+2/);
      await expectNoAxeViolations(page); // summary filled
    }));

  it('the start page names a period that is not a real date, and goes to a plan by its case id', () =>
    journey(page, 'qa start page period error', async () => {
      await page.goto(`${system.webUrl}/dev/sign-in?sub=qa-north-1&role=qa_officer&teams=north`);
      await page.fill('#from-day', '31');
      await page.fill('#from-month', '2');
      await page.fill('#from-year', '2025');
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Show results' }).click(),
      ]);
      const link = page.locator('.govuk-error-summary a');
      await expect(link.getAttribute('href')).resolves.toBe('#from-day');
      await expectNoAxeViolations(page);
      // A case id goes straight to the plan's audits (none yet is a state of its own).
      const fresh = await caseWithFinalPlan(system, 'QA-0003', {
        firstName: 'Lena',
        lastName: 'Fischer',
        dateOfBirth: '2016-02-29',
      });
      const qaToken = await tokenOf('qa-north-1', 'qa_officer');
      await eventually(
        () => fetch(`${system.apiUrl}/cases/${fresh}`, { headers: { authorization: `Bearer ${qaToken}` } }),
        (response) => response.status === 200,
      );
      await page.fill('#q', fresh.toUpperCase());
      await Promise.all([
        page.waitForURL(`**/cases/${fresh}/qa-audits`),
        page.getByRole('button', { name: 'Find plans' }).click(),
      ]);
      await expect(
        page.getByText('No audits of this plan have been recorded yet.').isVisible(),
      ).resolves.toBe(true);
      await expectNoAxeViolations(page);
    }));

  it('an admin erases a child’s personal data after confirming, with the keyboard', () =>
    journey(page, 'admin erases personal data', async () => {
      const erasable = await caseWithFinalPlan(system, 'QA-0002', {
        firstName: 'Tomasz',
        lastName: 'Nowak',
        dateOfBirth: '2014-09-01',
      });
      await page.goto(`${system.webUrl}/dev/sign-in?sub=admin-1&role=admin&teams=north`);
      await page.goto(`${system.webUrl}/cases/${erasable}/erase`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Are you sure you want to erase the child’s personal data?',
      );
      await expect(page.getByText('Tomasz Nowak').isVisible()).resolves.toBe(true);
      await expect(page.locator('.govuk-warning-text').textContent()).resolves.toContain(
        'You cannot undo this',
      );
      await expectNoAxeViolations(page);

      await tabTo(page, 'button.govuk-button--warning');
      await Promise.all([
        page.waitForURL((url) => url.pathname === `/cases/${erasable}`),
        page.keyboard.press('Enter'),
      ]);
      await expect(page.locator('.govuk-notification-banner--success').textContent()).resolves.toContain(
        'The child’s personal data has been erased',
      );
      await expect(page.locator('body').textContent()).resolves.not.toContain('Tomasz');
      await expectNoAxeViolations(page);

      const admin = await signDevToken({ sub: 'admin-1', roles: ['admin'], teams: ['north'] }, DEV_SECRET);
      // The projector drops the name from the read models once it has the erasure.
      const found = await eventually(
        async () =>
          (await (
            await fetch(`${system.apiUrl}/cases/${erasable}`, {
              headers: { authorization: `Bearer ${admin}` },
            })
          ).json()) as { child: unknown },
        (body) => body.child === null,
      );
      expect(found.child).toBeNull();

      // Coming back to the page says so, and offers nothing more to erase.
      await page.goto(`${system.webUrl}/cases/${erasable}/erase`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'The child’s personal data has already been erased',
      );
      await expect(page.getByRole('button').filter({ hasText: 'Erase' }).count()).resolves.toBe(0);
      await expectNoAxeViolations(page);
    }));

  it('a caseworker gets the 403 page on the erase route, and on the audit form', () =>
    journey(page, 'caseworker cannot erase', async () => {
      await page.goto(`${system.webUrl}/dev/sign-in?sub=cw-north-1&role=caseworker&teams=north`);
      const response = await page.goto(`${system.webUrl}/cases/${caseId}/erase`);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'You cannot see this page',
      );
      await expect(page.locator('main').textContent()).resolves.toContain(
        'Only administrators can use this page',
      );
      await expectNoAxeViolations(page);
      const post = await page.evaluate(async (id) => {
        const r = await fetch(`/cases/${id}/erase`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: '',
        });
        return r.status;
      }, caseId);
      expect(post).toBe(403);
      const form = await page.goto(`${system.webUrl}/cases/${caseId}/qa-audits/new`);
      expect(form?.status()).toBe(403);
      const erased = await fetch(`${system.apiUrl}/cases/${caseId}`, {
        headers: { authorization: `Bearer ${await tokenOf('cw-north-1', 'caseworker')}` },
      });
      expect(((await erased.json()) as { child: unknown }).child).not.toBeNull();
    }));
});

import type { Page } from 'playwright-core';
import { signDevToken, type Role } from '@ehcp/auth';
import { eventually } from '../support/eventually';
import { DEV_SECRET, expectNoAxeViolations, journey, type WebSystem } from './support/web-system';
import { useWebJourneys } from './support/web-journeys';

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
  let last: Record<string, unknown> = {};
  for (const [path, body] of steps)
    last = await command(system, token, 'POST', `/cases/${caseId}/${path}`, body);
  // The pages read the read models: they hold the whole case before a test opens one of them.
  const position = encodeURIComponent(String(last.position));
  await command(system, token, 'GET', `/cases/${caseId}?minPosition=${position}`);
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
  const web = useWebJourneys();
  let caseId: string;

  beforeAll(async () => {
    caseId = await caseWithFinalPlan(web.system, 'QA-0001', {
      firstName: 'Amira',
      lastName: 'Okafor',
      dateOfBirth: '2015-03-14',
    });
  }, 300_000);

  it('a QA officer finds the plan, records an audit by keyboard alone (one refused attempt), and sees it listed', () =>
    journey(web.page, 'qa officer records an audit', async () => {
      // The search reads the projector's read model: wait until the case is in it.
      const qaToken = await tokenOf('qa-north-1', 'qa_officer');
      await eventually<{ total?: number }>(
        async () =>
          fetch(`${web.system.apiUrl}/cases?q=QA-0001`, {
            headers: { authorization: `Bearer ${qaToken}` },
          }).then((r) => r.json() as Promise<{ total?: number }>),
        (body) => body.total === 1,
      );
      await web.signIn({ sub: 'qa-north-1', role: 'qa_officer', teams: ['north'] });
      expect(new URL(web.page.url()).pathname).toBe('/qa');
      await expect(web.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Quality assurance',
      );
      await expect(web.page.getByText('No audits were recorded in this period.').isVisible()).resolves.toBe(
        true,
      );
      await expectNoAxeViolations(web.page); // empty

      // Find the plan by its reference, with the keyboard.
      await web.page.focus('#q');
      await web.page.keyboard.type('qa-0001');
      await web.page.keyboard.press('Enter');
      await web.page.waitForSelector('table');
      await expect(web.page.getByRole('cell', { name: 'Amira Okafor' }).isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(web.page); // results
      await tabTo(web.page, `a[href="/cases/${caseId}/qa-audits/new"]`);
      await Promise.all([
        web.page.waitForURL(`**/cases/${caseId}/qa-audits/new`),
        web.page.keyboard.press('Enter'),
      ]);
      await expectNoAxeViolations(web.page); // the empty form

      // A draft audit with section I graded: the api refuses (a draft never names a placement).
      await web.page.focus('#planVersion');
      await web.page.keyboard.press('Space'); // Draft plan
      await web.page.keyboard.press('Tab');
      await web.page.keyboard.type('2');
      await web.page.keyboard.press('Tab');
      await web.page.keyboard.type('6');
      await web.page.keyboard.press('Tab');
      await web.page.keyboard.type('2025');
      await chooseRadio(web.page, 'auditorRole', 3); // QA officer
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
      for (const [section, index] of grades) await chooseRadio(web.page, `sections.${section}`, index);
      await tabTo(web.page, '#actions');
      await web.page.keyboard.type('Make the outcomes in section E specific and measurable.');
      await tabTo(web.page, 'button.govuk-button');
      await Promise.all([web.page.waitForNavigation(), web.page.keyboard.press('Enter')]);

      const summary = web.page.locator('.govuk-error-summary');
      await expect(summary.isVisible()).resolves.toBe(true);
      const link = summary.getByRole('link');
      await expect(link.count()).resolves.toBe(1);
      await expect(link.getAttribute('href')).resolves.toBe('#sections-I');
      await expect(link.textContent()).resolves.toBe(
        'Choose ‘Not applicable’ for section I: a draft plan never names a placement',
      );
      await expect(web.page.title()).resolves.toMatch(/^Error: /);
      // The answers are kept.
      await expect(web.page.locator('#actions').inputValue()).resolves.toContain('specific and measurable');
      await expect(
        web.page.locator('input[name="sections.E"][value="requires_improvement"]').isChecked(),
      ).resolves.toBe(true);
      await expectNoAxeViolations(web.page); // error

      // Follow the summary's link to section I and choose "Not applicable", all by keyboard.
      await web.page.focus('.govuk-error-summary a');
      await web.page.keyboard.press('Enter');
      await expect(web.page.locator('#sections-I:focus').count()).resolves.toBe(1);
      for (let i = 0; i < 4; i++) await web.page.keyboard.press('ArrowDown');
      await expect(
        web.page.locator('input[name="sections.I"][value="not_applicable"]').isChecked(),
      ).resolves.toBe(true);
      await tabTo(web.page, 'button.govuk-button');
      await Promise.all([
        web.page.waitForURL(`**/cases/${caseId}/qa-audits`),
        web.page.keyboard.press('Enter'),
      ]);

      // The derived overall grade, and the audit listed under the draft plan.
      const banner = web.page.locator('.govuk-notification-banner--success');
      await expect(banner.textContent()).resolves.toContain('Audit recorded. Overall grade: Good');
      await expect(web.page.getByRole('heading', { level: 2, name: 'Draft plan' }).isVisible()).resolves.toBe(
        true,
      );
      const audits = web.page.getByRole('table', { name: 'Audits of the draft plan, newest first' });
      await expect(audits.textContent()).resolves.toContain('2 June 2025');
      await expect(audits.textContent()).resolves.toContain('QA officer (qa-north-1)');
      await expect(audits.textContent()).resolves.toContain(
        'Make the outcomes in section E specific and measurable.',
      );
      const sectionGrades = web.page.getByRole('table', { name: 'Section grades of the draft plan' });
      await expect(sectionGrades.getByRole('row', { name: /E: Outcomes/ }).textContent()).resolves.toContain(
        'Requires improvement',
      );
      await expectNoAxeViolations(web.page); // filled
      // The banner is shown once.
      await web.page.reload();
      await expect(web.page.locator('.govuk-notification-banner').count()).resolves.toBe(0);

      // A second audit, of the final plan, recorded through the api: the page groups them by version.
      await command(web.system, qaToken, 'POST', `/cases/${caseId}/qa-audits`, {
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
      await web.page.reload();
      await expect(web.page.getByRole('heading', { level: 2 }).allTextContents()).resolves.toEqual(
        expect.arrayContaining(['Draft plan', 'Final plan']),
      );
      await expect(
        web.page.getByRole('table', { name: 'Audits of the final plan, newest first' }).textContent(),
      ).resolves.toContain('Requires improvement');

      // The start page's summary counts both audits of the period, once the projector has them.
      await eventually(
        async () =>
          (await (
            await fetch(`${web.system.apiUrl}/qa/summary?from=2025-01-01&to=2025-12-31`, {
              headers: { authorization: `Bearer ${qaToken}` },
            })
          ).json()) as { audits: number },
        (body) => body.audits === 2,
      );
      await web.page.goto(`${web.system.webUrl}/qa?from=2025-01-01&to=2025-12-31`);
      await expect(web.page.getByRole('table', { name: 'Overall grades' }).isVisible()).resolves.toBe(true);
      await expect(web.page.locator('.govuk-summary-list').textContent()).resolves.toMatch(/Audits\s+2/);
      await expectNoAxeViolations(web.page); // summary filled
    }));

  it('the start page names a period that is not a real date, and goes to a plan by its case id', () =>
    journey(web.page, 'qa start page period error', async () => {
      await web.signIn({ sub: 'qa-north-1', role: 'qa_officer', teams: ['north'] });
      await web.page.fill('#from-day', '31');
      await web.page.fill('#from-month', '2');
      await web.page.fill('#from-year', '2025');
      await Promise.all([
        web.page.waitForNavigation(),
        web.page.getByRole('button', { name: 'Show results' }).click(),
      ]);
      const link = web.page.locator('.govuk-error-summary a');
      await expect(link.getAttribute('href')).resolves.toBe('#from-day');
      await expectNoAxeViolations(web.page);
      // A case id goes straight to the plan's audits (none yet is a state of its own).
      const fresh = await caseWithFinalPlan(web.system, 'QA-0003', {
        firstName: 'Lena',
        lastName: 'Fischer',
        dateOfBirth: '2016-02-29',
      });
      const qaToken = await tokenOf('qa-north-1', 'qa_officer');
      await eventually(
        () =>
          fetch(`${web.system.apiUrl}/cases/${fresh}`, { headers: { authorization: `Bearer ${qaToken}` } }),
        (response) => response.status === 200,
      );
      await web.page.fill('#q', fresh.toUpperCase());
      await Promise.all([
        web.page.waitForURL(`**/cases/${fresh}/qa-audits`),
        web.page.getByRole('button', { name: 'Find plans' }).click(),
      ]);
      await expect(
        web.page.getByText('No audits of this plan have been recorded yet.').isVisible(),
      ).resolves.toBe(true);
      await expectNoAxeViolations(web.page);
    }));

  it('an admin erases a child’s personal data after confirming, with the keyboard', () =>
    journey(web.page, 'admin erases personal data', async () => {
      const erasable = await caseWithFinalPlan(web.system, 'QA-0002', {
        firstName: 'Tomasz',
        lastName: 'Nowak',
        dateOfBirth: '2014-09-01',
      });
      await web.signIn({ sub: 'admin-1', role: 'admin', teams: ['north'] });
      await web.page.goto(`${web.system.webUrl}/cases/${erasable}/erase`);
      await expect(web.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Are you sure you want to erase the child’s personal data?',
      );
      await expect(web.page.getByText('Tomasz Nowak').isVisible()).resolves.toBe(true);
      await expect(web.page.locator('.govuk-warning-text').textContent()).resolves.toContain(
        'You cannot undo this',
      );
      await expectNoAxeViolations(web.page);

      await tabTo(web.page, 'button.govuk-button--warning');
      await Promise.all([
        web.page.waitForURL((url) => url.pathname === `/cases/${erasable}`),
        web.page.keyboard.press('Enter'),
      ]);
      await expect(web.page.locator('.govuk-notification-banner--success').textContent()).resolves.toContain(
        'The child’s personal data has been erased',
      );
      await expect(web.page.locator('body').textContent()).resolves.not.toContain('Tomasz');
      await expectNoAxeViolations(web.page);

      const admin = await signDevToken({ sub: 'admin-1', roles: ['admin'], teams: ['north'] }, DEV_SECRET);
      // The projector drops the name from the read models once it has the erasure.
      const found = await eventually(
        async () =>
          (await (
            await fetch(`${web.system.apiUrl}/cases/${erasable}`, {
              headers: { authorization: `Bearer ${admin}` },
            })
          ).json()) as { child: unknown },
        (body) => body.child === null,
      );
      expect(found.child).toBeNull();

      // Coming back to the page says so, and offers nothing more to erase.
      await web.page.goto(`${web.system.webUrl}/cases/${erasable}/erase`);
      await expect(web.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'The child’s personal data has already been erased',
      );
      await expect(web.page.getByRole('button').filter({ hasText: 'Erase' }).count()).resolves.toBe(0);
      await expectNoAxeViolations(web.page);
    }));

  it('a caseworker gets the 403 page on the erase route, and on the audit form', () =>
    journey(web.page, 'caseworker cannot erase', async () => {
      await web.signIn({ sub: 'cw-north-1', role: 'caseworker', teams: ['north'] });
      const response = await web.page.goto(`${web.system.webUrl}/cases/${caseId}/erase`);
      expect(response?.status()).toBe(403);
      await expect(web.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'You cannot see this page',
      );
      await expect(web.page.locator('main').textContent()).resolves.toContain(
        'Only administrators can use this page',
      );
      await expectNoAxeViolations(web.page);
      const post = await web.page.evaluate(async (id) => {
        const r = await fetch(`/cases/${id}/erase`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: '',
        });
        return r.status;
      }, caseId);
      expect(post).toBe(403);
      const form = await web.page.goto(`${web.system.webUrl}/cases/${caseId}/qa-audits/new`);
      expect(form?.status()).toBe(403);
      const erased = await fetch(`${web.system.apiUrl}/cases/${caseId}`, {
        headers: { authorization: `Bearer ${await tokenOf('cw-north-1', 'caseworker')}` },
      });
      expect(((await erased.json()) as { child: unknown }).child).not.toBeNull();
    }));
});

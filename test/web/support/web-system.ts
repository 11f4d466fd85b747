import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { outputOf, startAppProcess, waitUntilReady } from '../../support/app-process';
import { freePort } from '../../support/free-port';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

export const DEV_SECRET = 'web-e2e-secret-0123456789abcdef';

/** api + projector on a fresh database, and the web app in front of them, each on a free port. */
export interface WebSystem {
  readonly webUrl: string;
  readonly apiUrl: string;
  stop(): Promise<void>;
  output(): string;
}

export async function startWebSystem(): Promise<WebSystem> {
  const database: TestDatabase = await createTestDatabase('web_e2e');
  const [apiPort, projectorPort, webPort] = [await freePort(), await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const common = {
    DATABASE_URL: database.url,
    AUTH_JWT_SECRET: DEV_SECRET,
    NODE_ENV: 'test',
    // A busy machine's projector may take longer than the production 5 s to catch up: a page asked for
    // with minPosition (after each recorded step) waits for it (as test/support/command-api.ts), and
    // the web app waits for that answer.
    READ_YOUR_WRITES_WAIT_MS: '60000',
    WEB_API_TIMEOUT_MS: '90000',
  };
  const children: ChildProcess[] = [
    startAppProcess('api', { ...common, PORT: String(apiPort) }),
    startAppProcess('projector', { ...common, PROJECTOR_PORT: String(projectorPort) }),
    startAppProcess('web', { ...common, WEB_PORT: String(webPort), API_URL: apiUrl }),
  ];
  const webUrl = `http://127.0.0.1:${webPort}`;
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    await database.drop();
  };
  try {
    // An app that exits (a failed migration) fails this at once, with its output.
    await Promise.all([
      waitUntilReady(children[0], apiUrl, 180_000),
      waitUntilReady(children[1], `http://127.0.0.1:${projectorPort}`, 180_000),
      waitUntilReady(children[2], webUrl, 180_000),
    ]);
  } catch (error) {
    // Nothing else would stop them: the spec never got a system to stop.
    const output = children.map(outputOf).join('\n');
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return { webUrl, apiUrl, output: () => children.map(outputOf).join('\n'), stop };
}

/** Debian's Chromium through playwright-core (no browser download). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * WCAG 2.2 AA as axe-core checks it: the violations' ids and targets in the failure message.
 * Run as one axe.run in the page (legacy mode) gathering the violations only: the same rules on the
 * same DOM at about a third of the CPU. The default's per-frame runs and the blank page it opens to
 * merge them only matter for cross-origin frames, and the web app has no frames; passing nodes are
 * never read here. (`options` first: it replaces the options withTags sets.)
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .setLegacyMode()
    .options({ resultTypes: ['violations'] })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const found = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found).toEqual([]);
}

const FAILURES = join(__dirname, '..', 'screenshots', 'failures');
const README_PICTURES = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

/**
 * One of the README's pictures (docs/screenshots/<name>.png), retaken only when asked for with
 * README_SCREENSHOTS=1: PNG bytes differ from run to run, so taking them always left every test run's
 * tree dirty.
 */
export async function takeReadmePicture(page: Page, name: string): Promise<void> {
  if (process.env.README_SCREENSHOTS !== '1') return;
  mkdirSync(README_PICTURES, { recursive: true });
  await page.screenshot({ path: join(README_PICTURES, `${name}.png`), fullPage: true });
}

/** Runs a journey; when it fails, saves a full-page screenshot named after it before failing. */
export async function journey(page: Page, name: string, steps: () => Promise<void>): Promise<void> {
  try {
    await steps();
  } catch (error) {
    mkdirSync(FAILURES, { recursive: true });
    await page
      .screenshot({ path: join(FAILURES, `${name.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true })
      .catch(() => undefined);
    throw error;
  }
}

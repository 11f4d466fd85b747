import type { Role } from '@ehcp/auth';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium, startWebSystem, type WebSystem } from './web-system';

/** Someone signed in through the development sign-in. */
export interface DevUser {
  readonly sub: string;
  readonly role: Role;
  readonly teams: readonly string[];
}

/** What a browser spec's tests use; each is set once its hook has run. */
export interface WebJourneys {
  readonly system: WebSystem;
  readonly browser: Browser;
  /** This test's own browser context (no cookies from another test) and its page. */
  readonly context: BrowserContext;
  readonly page: Page;
  /** Signs `page` (this test's page unless given) in as `user`, landing where the web app sends them. */
  signIn(user: DevUser, page?: Page): Promise<void>;
}

/**
 * The start-up every browser spec shares: api, projector and web app on a fresh database, and
 * Chromium, started side by side (they do not depend on each other) before the spec's own
 * beforeAll; a fresh context and page for each test, signed in as `signedInAs` when given. Registers
 * its hooks where it is called, so call it first in the describe.
 */
export function useWebJourneys(
  options: { context?: BrowserContextOptions; signedInAs?: DevUser } = {},
): WebJourneys {
  let system: WebSystem | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const set = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`${name} is not started: use it in a test or a later hook`);
    return value;
  };

  const journeys: WebJourneys = {
    get system() {
      return set(system, 'the web system');
    },
    get browser() {
      return set(browser, 'Chromium');
    },
    get context() {
      return set(context, "this test's browser context");
    },
    get page() {
      return set(page, "this test's page");
    },
    async signIn(user, on = journeys.page) {
      const query = new URLSearchParams({ sub: user.sub, role: user.role, teams: user.teams.join(',') });
      await on.goto(`${journeys.system.webUrl}/dev/sign-in?${query.toString()}`);
    },
  };

  beforeAll(async () => {
    // Both are awaited even when one fails, so that afterAll stops whichever did start.
    const [started, launched] = await Promise.allSettled([startWebSystem(), launchChromium()]);
    if (started.status === 'fulfilled') system = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    for (const outcome of [started, launched]) if (outcome.status === 'rejected') throw outcome.reason;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  }, 60_000);

  beforeEach(async () => {
    context = await journeys.browser.newContext(options.context);
    page = await context.newPage();
    if (options.signedInAs) await journeys.signIn(options.signedInAs);
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
    page = undefined;
  });

  return journeys;
}

import Redis from 'ioredis';
import { loadConfig } from '@ehcp/config';
import { exited, outputOf, startAppProcess } from '../support/app-process';
import { expectNoAxeViolations, journey } from './support/web-system';
import { useWebJourneys } from './support/web-journeys';

jest.setTimeout(300_000);

describe('web shell (a real browser against the real api)', () => {
  const web = useWebJourneys();

  it('sends a visitor who is not signed in to sign in', async () => {
    const response = await fetch(`${web.system.webUrl}/cases`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/sign-in');
  });

  it('sends a strict Content-Security-Policy', async () => {
    const response = await fetch(`${web.system.webUrl}/dev/sign-in`);
    const csp = response.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'self'",
      "style-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
    ])
      expect(csp).toContain(directive);
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
  });

  it('a caseworker signs in for development, lands on their cases, passes axe, and signs out', () =>
    journey(web.page, 'dev sign-in and sign-out', async () => {
      await web.page.goto(`${web.system.webUrl}/dev/sign-in?sub=cw-north-1&role=caseworker&teams=north`);
      expect(new URL(web.page.url()).pathname).toBe('/cases');
      await expect(web.page.getByRole('link', { name: 'My cases' }).isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(web.page);
      await Promise.all([
        web.page.waitForURL((url) => url.pathname === '/signed-out'),
        web.page.getByRole('button', { name: 'Sign out' }).click(),
      ]);
      await expectNoAxeViolations(web.page);
      await expect(web.page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
        'You have signed out',
      );
      await web.page.goto(`${web.system.webUrl}/cases`);
      expect(new URL(web.page.url()).pathname).toBe('/sign-in');
    }));

  it('refuses a form posted without its CSRF token (403 page)', () =>
    journey(web.page, 'csrf refused', async () => {
      await web.page.goto(`${web.system.webUrl}/dev/sign-in?sub=cw-north-1&role=caseworker&teams=north`);
      const answer = await web.page.evaluate(async () => {
        const response = await fetch('/sign-out', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: '',
        });
        return { status: response.status, text: await response.text() };
      });
      expect(answer.status).toBe(403);
      expect(answer.text).toContain('Sorry, we could not do that');
      await web.page.goto(`${web.system.webUrl}/cases`);
      expect(new URL(web.page.url()).pathname).toBe('/cases');
    }));

  it('the development sign-in form works with the keyboard alone, with an accessible error summary', () =>
    journey(web.page, 'dev sign-in keyboard', async () => {
      await web.page.goto(`${web.system.webUrl}/dev/sign-in`);
      await expectNoAxeViolations(web.page);
      await web.page.focus('#sub');
      await web.page.keyboard.press('Enter');
      await web.page.waitForSelector('.govuk-error-summary');
      await expectNoAxeViolations(web.page);
      await web.page.focus('#sub');
      await web.page.keyboard.type('m-1');
      // Tab into the roles (the first is focused), arrow down to select "SEND manager", Tab on to the teams.
      await web.page.keyboard.press('Tab');
      await web.page.keyboard.press('ArrowDown');
      await web.page.keyboard.press('Tab');
      await web.page.keyboard.type('north,south');
      await web.page.keyboard.press('Enter');
      await web.page.waitForURL((url) => url.pathname !== '/dev/sign-in');
      expect(new URL(web.page.url()).pathname).toBe('/timeliness');
    }));

  it('answers readiness as JSON: the api and Redis are up, and a probe leaves no session behind', async () => {
    const response = await fetch(`${web.system.webUrl}/health/ready`);
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(((await response.json()) as { details: unknown }).details).toEqual({
      api: { status: 'up' },
      redis: { status: 'up' },
    });
  });

  it('after the idle timeout, sends the user to sign in with a plain message', async () => {
    const signIn = await fetch(`${web.system.webUrl}/dev/sign-in?sub=cw-1&role=caseworker&teams=north`, {
      redirect: 'manual',
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    const sid = decodeURIComponent(cookie.split('=')[1]).slice(2).split('.')[0];
    // The session as Redis keeps it, its last request moved 31 minutes back (the timeout is 30).
    const redis = new Redis(loadConfig().REDIS_URL);
    try {
      const key = `ehcp:web:session:${sid}`;
      const stored = JSON.parse((await redis.get(key)) ?? '{}');
      expect(stored.user.id).toBe('cw-1');
      stored.lastSeenAt -= 31 * 60_000;
      await redis.set(key, JSON.stringify(stored), 'KEEPTTL');
    } finally {
      redis.disconnect();
    }
    const later = await fetch(`${web.system.webUrl}/cases`, { headers: { cookie }, redirect: 'manual' });
    expect(later.status).toBe(302);
    expect(later.headers.get('location')).toBe('/sign-in?ended=idle');
    const signedOut = await (await fetch(`${web.system.webUrl}/sign-in?ended=idle`)).text();
    expect(signedOut).toContain('You were signed out because you had not used the service for a while');
  });

  it('refuses to start in production without an identity provider and a session secret', async () => {
    const child = startAppProcess('web', {
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://idp.invalid/jwks',
      DATA_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
      SEARCH_HASH_KEY: Buffer.alloc(32, 8).toString('base64'),
      TEAMS: 'north',
    });
    expect(await exited(child)).toBe(1);
    expect(outputOf(child)).toContain('OIDC_ISSUER_URL: is required in production');
    expect(outputOf(child)).toContain('SESSION_SECRET: is required in production');
  });
});

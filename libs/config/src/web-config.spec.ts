import { loadConfig } from './load-config';
import { devSignInEnabled, webConfigProblems } from './web-config';

describe('webConfigProblems', () => {
  it('needs nothing more in development', () => {
    expect(webConfigProblems(loadConfig({}))).toEqual([]);
    expect(devSignInEnabled(loadConfig({}))).toBe(true);
  });

  it('in production, needs a session secret and an identity provider', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://idp.example/jwks',
      DATA_MASTER_KEY: Buffer.alloc(32, 1).toString('base64'),
      SEARCH_HASH_KEY: Buffer.alloc(32, 2).toString('base64'),
      TEAMS: 'north',
    });
    expect(webConfigProblems(config).map((p) => p.variable)).toEqual(['SESSION_SECRET', 'OIDC_ISSUER_URL']);
    expect(devSignInEnabled(config)).toBe(false);
  });

  it('with an issuer, needs its client id and redirect URL; the development sign-in is off', () => {
    const config = loadConfig({ OIDC_ISSUER_URL: 'https://idp.example' });
    expect(webConfigProblems(config).map((p) => p.variable)).toEqual(['OIDC_CLIENT_ID', 'OIDC_REDIRECT_URL']);
    expect(devSignInEnabled(config)).toBe(false);
  });
});

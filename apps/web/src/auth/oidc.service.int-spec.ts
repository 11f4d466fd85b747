import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { loadConfig } from '@ehcp/config';
import { OidcService } from './oidc.service';

/**
 * A small identity provider on a real port: discovery, JWKS and a token endpoint that checks PKCE.
 * Enough to prove the authorization-code round trip and the claim mapping of OidcService.
 */
async function startIdp(claims: Record<string, unknown>) {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const issued = new Map<string, { challenge: string; nonce: string }>();
  let issuer = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration')
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
      });
    if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
    if (url.pathname === '/token') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        void (async () => {
          const form = new URLSearchParams(body);
          const grant = issued.get(form.get('code') ?? '');
          const challenge = createHash('sha256')
            .update(form.get('code_verifier') ?? '')
            .digest('base64url');
          if (!grant || grant.challenge !== challenge) return json(400, { error: 'invalid_grant' });
          const idToken = await new SignJWT({ ...claims, nonce: grant.nonce })
            .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
            .setIssuer(issuer)
            .setAudience('ehcp-web')
            .setSubject('u-oidc-1')
            .setIssuedAt()
            .setExpirationTime('5m')
            .sign(privateKey);
          json(200, {
            access_token: 'idp-access-token',
            token_type: 'Bearer',
            id_token: idToken,
            expires_in: 300,
          });
        })();
      });
      return;
    }
    json(404, {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  /** What the IdP does when the user signs in at the authorization URL: a code bound to the PKCE challenge. */
  const authorize = (authorizationUrl: string) => {
    const params = new URL(authorizationUrl).searchParams;
    const code = `code-${issued.size + 1}`;
    issued.set(code, { challenge: params.get('code_challenge') ?? '', nonce: params.get('nonce') ?? '' });
    return `/auth/callback?code=${code}&state=${params.get('state')}`;
  };
  return { issuer, authorize, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('OidcService against an identity provider', () => {
  it('signs a user in with the authorization code and PKCE, mapping the configured claims', async () => {
    const idp = await startIdp({ ehcp_roles: ['manager', 'unknown'], ehcp_teams: ['north', 'south'] });
    try {
      const service = new OidcService(
        loadConfig({
          OIDC_ISSUER_URL: idp.issuer,
          OIDC_CLIENT_ID: 'ehcp-web',
          OIDC_CLIENT_SECRET: 'client-secret',
          OIDC_REDIRECT_URL: 'http://127.0.0.1:3003/auth/callback',
          OIDC_ROLES_CLAIM: 'ehcp_roles',
          OIDC_TEAMS_CLAIM: 'ehcp_teams',
        }),
      );
      const start = await service.start();
      const authorization = new URL(start.url);
      expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authorization.searchParams.get('state')).toBe(start.state);
      expect(authorization.searchParams.get('nonce')).toBe(start.nonce);

      const callback = idp.authorize(start.url);
      await expect(service.complete(callback, { ...start, state: 'forged' })).rejects.toThrow(/state/);
      const signedIn = await service.complete(callback, start);
      expect(signedIn).toEqual({
        user: { id: 'u-oidc-1', roles: ['manager'], teams: ['north', 'south'] },
        accessToken: 'idp-access-token',
      });
    } finally {
      await idp.close();
    }
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, exportSPKI, generateKeyPair, type JWTPayload, type KeyLike } from 'jose';
import { AuthenticationError } from './auth.errors';
import { signDevToken } from './dev-token';
import { JwtVerifier } from './jwt-verifier.service';

const SECRET = 'unit-test-secret-0123456789';
const ISSUER = 'https://sso.council.example';
const AUDIENCE = 'ehcp-api';
const claims = { sub: 'u1', roles: ['caseworker'] as const, teams: ['north'] };

function signHs256(payload: JWTPayload, secret = SECRET): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));
}

const unsigned = (payload: object) =>
  [{ alg: 'none', typ: 'JWT' }, payload]
    .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
    .join('.') + '.';

const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

async function rejection(verifier: JwtVerifier, token: string): Promise<AuthenticationError> {
  const error = await verifier.verify(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  return error as AuthenticationError;
}

describe('JwtVerifier with AUTH_JWT_SECRET (HS256)', () => {
  const verifier = new JwtVerifier({ AUTH_JWT_SECRET: SECRET, AUTH_JWKS_URL: undefined });

  it('returns the user of a valid token', async () => {
    await expect(verifier.verify(await signDevToken(claims, SECRET))).resolves.toEqual({
      id: 'u1',
      roles: ['caseworker'],
      teams: ['north'],
    });
  });

  it('refuses an expired token as expired', async () => {
    const error = await rejection(verifier, await signDevToken(claims, SECRET, '-1h'));
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', reason: 'expired' });
    expect(error.headers['WWW-Authenticate']).toBe('Bearer realm="ehcp", error="invalid_token"');
  });

  it('tolerates a few seconds of clock skew, not more', async () => {
    await expect(verifier.verify(await signDevToken(claims, SECRET, '-10s'))).resolves.toMatchObject({
      id: 'u1',
    });
    await rejection(verifier, await signDevToken(claims, SECRET, '-40s'));
  });

  it('refuses a token signed with another secret', async () => {
    const error = await rejection(verifier, await signDevToken(claims, 'another-secret-0123456789'));
    expect(error.reason).toBe('invalid');
  });

  it.each(['', 'not-a-jwt', 'a.b.c', 'eyJhbGciOiJIUzI1NiJ9.e30.', 'eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln'])(
    'refuses the malformed token %j',
    async (token) => {
      expect((await rejection(verifier, token)).reason).toBe('invalid');
    },
  );

  it('refuses an unsigned (alg none) token', async () => {
    await rejection(verifier, unsigned({ ...claims, exp: inAnHour() }));
  });

  it('refuses an RS256 token: no key set is configured', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ ...claims, roles: [...claims.roles] })
      .setProtectedHeader({ alg: 'RS256' })
      .setExpirationTime('1h')
      .sign(privateKey);
    await rejection(verifier, token);
  });

  it.each([
    ['no exp', { ...claims }],
    ['no sub', { roles: ['caseworker'], teams: [], exp: inAnHour() }],
    ['an empty sub', { sub: '', roles: ['caseworker'], teams: [], exp: inAnHour() }],
    ['an over-long sub', { sub: 'u'.repeat(201), roles: ['caseworker'], teams: [], exp: inAnHour() }],
    ['no roles', { sub: 'u1', teams: [], exp: inAnHour() }],
    ['roles as a string', { sub: 'u1', roles: 'admin', teams: [], exp: inAnHour() }],
    ['a non-string role', { sub: 'u1', roles: [1], teams: [], exp: inAnHour() }],
    ['no teams', { sub: 'u1', roles: ['caseworker'], exp: inAnHour() }],
    ['an empty team code', { sub: 'u1', roles: ['caseworker'], teams: [''], exp: inAnHour() }],
  ])('refuses a token with %s', async (_what, payload) => {
    await rejection(verifier, await signHs256(payload as JWTPayload));
  });

  it('ignores roles it does not know and repeated entries', async () => {
    const token = await signHs256({
      sub: 'u1',
      roles: ['payroll', 'qa_officer', 'qa_officer'],
      teams: ['north', 'north', 'south'],
      exp: inAnHour(),
    });
    await expect(verifier.verify(token)).resolves.toEqual({
      id: 'u1',
      roles: ['qa_officer'],
      teams: ['north', 'south'],
    });
  });
});

describe('JwtVerifier with AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE (HS256)', () => {
  const verifier = new JwtVerifier({
    AUTH_JWT_SECRET: SECRET,
    AUTH_JWKS_URL: undefined,
    AUTH_JWT_ISSUER: ISSUER,
    AUTH_JWT_AUDIENCE: AUDIENCE,
  });

  it('accepts a token of this issuer for this audience, alone or among others', async () => {
    const user = { id: 'u1', roles: ['caseworker'], teams: ['north'] };
    const token = await signDevToken(claims, SECRET, '1h', { issuer: ISSUER, audience: AUDIENCE });
    await expect(verifier.verify(token)).resolves.toEqual(user);
    const listed = await signHs256({ ...claims, iss: ISSUER, aud: ['payroll', AUDIENCE], exp: inAnHour() });
    await expect(verifier.verify(listed)).resolves.toEqual(user);
  });

  it.each([
    ['another audience', { issuer: ISSUER, audience: 'payroll' }],
    ['no audience', { issuer: ISSUER }],
    ['another issuer', { issuer: 'https://sso.elsewhere.example', audience: AUDIENCE }],
    ['no issuer', { audience: AUDIENCE }],
  ])('refuses a token with %s as invalid', async (_what, audience) => {
    const error = await rejection(verifier, await signDevToken(claims, SECRET, '1h', audience));
    expect(error).toMatchObject({ status: 401, reason: 'invalid' });
  });

  it('checks neither claim when they are not set', async () => {
    const open = new JwtVerifier({ AUTH_JWT_SECRET: SECRET, AUTH_JWKS_URL: undefined });
    const token = await signDevToken(claims, SECRET, '1h', { issuer: 'anyone', audience: 'anything' });
    await expect(open.verify(token)).resolves.toMatchObject({ id: 'u1' });
  });
});

describe('JwtVerifier with AUTH_JWKS_URL (RS256)', () => {
  let server: Server;
  let jwksUrl: string;
  let signingKey: KeyLike;
  let publicPem: string;
  let jwksRequests = 0;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    signingKey = privateKey;
    publicPem = await exportSPKI(publicKey);
    const body = JSON.stringify({
      keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }],
    });
    server = createServer((_req, res) => {
      jwksRequests += 1;
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const signRs256 = (key: KeyLike, kid = 'k1', registered: JWTPayload = {}) =>
    new SignJWT({ roles: ['manager'], teams: ['south'], ...registered })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject('sso-user')
      .setExpirationTime('5m')
      .sign(key);

  it('verifies a token signed by a key of the set, fetching the set once', async () => {
    const verifier = new JwtVerifier({ AUTH_JWT_SECRET: undefined, AUTH_JWKS_URL: jwksUrl });
    const before = jwksRequests;
    const user = { id: 'sso-user', roles: ['manager'], teams: ['south'] };
    await expect(verifier.verify(await signRs256(signingKey))).resolves.toEqual(user);
    await expect(verifier.verify(await signRs256(signingKey))).resolves.toEqual(user);
    expect(jwksRequests - before).toBe(1);
  });

  it('refuses a token signed by a key outside the set', async () => {
    const verifier = new JwtVerifier({ AUTH_JWT_SECRET: undefined, AUTH_JWKS_URL: jwksUrl });
    const { privateKey } = await generateKeyPair('RS256');
    await rejection(verifier, await signRs256(privateKey));
    await rejection(verifier, await signRs256(privateKey, 'k2'));
  });

  it('refuses HS256 tokens when no secret is configured', async () => {
    const verifier = new JwtVerifier({ AUTH_JWT_SECRET: undefined, AUTH_JWKS_URL: jwksUrl });
    await rejection(verifier, await signDevToken(claims, SECRET));
  });

  it.each([
    ['alone', undefined],
    ['beside a secret', SECRET],
  ])('never uses a public key as an HMAC secret, key set %s (algorithm confusion)', async (_how, secret) => {
    const verifier = new JwtVerifier({ AUTH_JWT_SECRET: secret, AUTH_JWKS_URL: jwksUrl });
    await rejection(verifier, await signDevToken(claims, publicPem));
  });

  it('accepts both kinds when both are configured, choosing by alg', async () => {
    const verifier = new JwtVerifier({ AUTH_JWT_SECRET: SECRET, AUTH_JWKS_URL: jwksUrl });
    await expect(verifier.verify(await signRs256(signingKey))).resolves.toMatchObject({ id: 'sso-user' });
    await expect(verifier.verify(await signDevToken(claims, SECRET))).resolves.toMatchObject({ id: 'u1' });
  });

  it("checks the SSO's issuer and audience when they are set", async () => {
    const verifier = new JwtVerifier({
      AUTH_JWT_SECRET: undefined,
      AUTH_JWKS_URL: jwksUrl,
      AUTH_JWT_ISSUER: ISSUER,
      AUTH_JWT_AUDIENCE: AUDIENCE,
    });
    const ours = await signRs256(signingKey, 'k1', { iss: ISSUER, aud: AUDIENCE });
    await expect(verifier.verify(ours)).resolves.toMatchObject({ id: 'sso-user' });
    for (const registered of [
      { iss: ISSUER, aud: 'payroll' },
      { iss: ISSUER },
      { iss: 'https://sso.elsewhere.example', aud: AUDIENCE },
      { aud: AUDIENCE },
    ])
      expect((await rejection(verifier, await signRs256(signingKey, 'k1', registered))).reason).toBe(
        'invalid',
      );
  });

  it('refuses tokens while the key set cannot be fetched', async () => {
    const verifier = new JwtVerifier({
      AUTH_JWT_SECRET: undefined,
      AUTH_JWKS_URL: 'http://127.0.0.1:1/jwks',
    });
    const error = await rejection(verifier, await signRs256(signingKey));
    expect(error.cause).toBeDefined();
  });
});

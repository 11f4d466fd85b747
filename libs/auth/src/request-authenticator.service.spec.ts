import { AuthenticationError } from './auth.errors';
import type { AuthenticatedUser } from './authenticated-user';
import type { JwtVerifier } from './jwt-verifier.service';
import { RequestAuthenticator, type AuthRequest } from './request-authenticator.service';

const user: AuthenticatedUser = { id: 'u1', roles: ['caseworker'], teams: ['north'] };

function setup() {
  const verify = jest.fn(async (token: string) => {
    if (token !== 'good.token.sig') throw new AuthenticationError('invalid');
    return user;
  });
  return { verify, authenticator: new RequestAuthenticator({ verify } as unknown as JwtVerifier) };
}

const request = (authorization?: string): AuthRequest => ({ headers: { authorization } });

describe('RequestAuthenticator', () => {
  it.each(['Bearer good.token.sig', 'bearer good.token.sig', '  Bearer   good.token.sig '])(
    'reads the token from %j',
    async (header) => {
      await expect(setup().authenticator.authenticate(request(header))).resolves.toBe(user);
    },
  );

  it.each([undefined, '', 'Basic dTE6cGFzcw==', 'Bearer', 'Bearer  '])(
    'treats %j as no token',
    async (header) => {
      await expect(setup().authenticator.authenticate(request(header))).rejects.toMatchObject({
        reason: 'missing',
        headers: { 'WWW-Authenticate': 'Bearer realm="ehcp"' },
      });
    },
  );

  it.each(['Bearer a b', 'Bearer t"o"ken', 'Bearer other.token.sig'])(
    'refuses %j as invalid',
    async (header) => {
      await expect(setup().authenticator.authenticate(request(header))).rejects.toMatchObject({
        reason: 'invalid',
      });
    },
  );

  it('verifies a request once, however many times it is asked', async () => {
    const { authenticator, verify } = setup();
    const req = request('Bearer good.token.sig');
    await authenticator.authenticated(req);
    await authenticator.authenticate(req);
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('answers undefined rather than throwing when asked for an optional user', async () => {
    await expect(
      setup().authenticator.authenticated(request('Bearer other.token.sig')),
    ).resolves.toBeUndefined();
  });
});

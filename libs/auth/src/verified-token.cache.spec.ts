import type { AuthenticatedUser } from './authenticated-user';
import { VerifiedTokenCache } from './verified-token.cache';

const user = (id: string): AuthenticatedUser => ({ id, roles: ['caseworker'], teams: ['north'] });

describe('VerifiedTokenCache', () => {
  it('answers a remembered token until the moment the verifier would refuse it', () => {
    const cache = new VerifiedTokenCache();
    cache.remember('token-a', user('a'), 10_000);
    expect(cache.userOf('token-a', 9_999)).toEqual(user('a'));
    expect(cache.userOf('token-a', 10_000)).toBeUndefined();
    // Gone once expired: a later call with an earlier clock does not bring it back.
    expect(cache.userOf('token-a', 0)).toBeUndefined();
  });

  it('knows only exact token texts', () => {
    const cache = new VerifiedTokenCache();
    cache.remember('token-a', user('a'), 10_000);
    expect(cache.userOf('token-a ', 0)).toBeUndefined();
    expect(cache.userOf('token-b', 0)).toBeUndefined();
  });

  it('keeps at most its bound, dropping the least recently used', () => {
    const cache = new VerifiedTokenCache(2);
    cache.remember('token-a', user('a'), 10_000);
    cache.remember('token-b', user('b'), 10_000);
    cache.userOf('token-a', 0);
    cache.remember('token-c', user('c'), 10_000);
    expect(cache.userOf('token-b', 0)).toBeUndefined();
    expect(cache.userOf('token-a', 0)).toEqual(user('a'));
    expect(cache.userOf('token-c', 0)).toEqual(user('c'));
  });
});

import { familyLinkTokenHashOf, isFamilyLinkToken, newFamilyLinkToken } from './family-link-token';

describe("a family link's token (issue 17: random, stored hashed)", () => {
  it('is 32 random bytes in base64url, a new one each time', () => {
    const [first, second] = [newFamilyLinkToken(), newFamilyLinkToken()];
    expect(Buffer.from(first, 'base64url')).toHaveLength(32);
    expect(isFamilyLinkToken(first)).toBe(true);
    expect(first).not.toBe(second);
  });

  it('is known to the case only by its SHA-256 hash, in lower-case hex', () => {
    expect(familyLinkTokenHashOf('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it.each(['', 'short', `${'A'.repeat(42)}=`, `${'A'.repeat(44)}`, `${'A'.repeat(42)}/`])(
    'refuses %j as a token',
    (value) => {
      expect(isFamilyLinkToken(value)).toBe(false);
    },
  );
});

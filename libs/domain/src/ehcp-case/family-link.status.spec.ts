import { familyLinkStatusOf } from './family-link.status';

// The family's link works from its issue day through `expiresOn` (a London date), unless revoked.

describe('familyLinkStatusOf', () => {
  const link = { expiresOn: '2028-02-29', revokedOn: null };

  it.each([
    ['2027-12-01', 'active'],
    ['2028-02-29', 'active'], // its last day
    ['2028-03-01', 'expired'],
  ] as const)('on %s: %s', (today, status) => {
    expect(familyLinkStatusOf(link, today)).toBe(status);
  });

  it('is revoked once revoked (or replaced), expired or not', () => {
    expect(familyLinkStatusOf({ ...link, revokedOn: '2027-12-10' }, '2027-12-10')).toBe('revoked');
    expect(familyLinkStatusOf({ ...link, revokedOn: '2027-12-10' }, '2028-06-01')).toBe('revoked');
  });
});

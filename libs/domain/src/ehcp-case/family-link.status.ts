import type { FamilyLink } from './ehcp-case.state';

export type FamilyLinkStatus = 'active' | 'revoked' | 'expired';

/**
 * (2nd ed.) Whether a family link works on `today` (a London date): revoked once a caseworker stopped
 * it or a newer link replaced it; else expired once `today` is after its last day, `expiresOn` (the
 * link works through that day); else active. Revoked wins: it is what the caseworker did, and it
 * does not change with the date.
 */
export function familyLinkStatusOf(
  link: Pick<FamilyLink, 'expiresOn' | 'revokedOn'>,
  today: string,
): FamilyLinkStatus {
  if (link.revokedOn !== null) return 'revoked';
  return today > link.expiresOn ? 'expired' : 'active';
}

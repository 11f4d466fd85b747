import type { EhcpCaseEvent } from '@ehcp/domain';

/** A token's SHA-256 hash, hex, as the API hands it to the domain: one per letter, for tests. */
export const tokenHashOf = (letter: string): string => letter.repeat(64);

/** (2nd ed.) The family link events as the domain records them (the API's decisions already made). */
export const familyLink = {
  issued: (
    linkId: string,
    issuedOn: string,
    expiresOn: string,
    tokenHash = tokenHashOf('a'),
  ): EhcpCaseEvent => ({
    type: 'FamilyLinkIssued',
    data: { linkId, tokenHash, issuedOn, expiresOn },
  }),
  revoked: (linkId: string, revokedOn: string): EhcpCaseEvent => ({
    type: 'FamilyLinkRevoked',
    data: { linkId, revokedOn },
  }),
  viewed: (linkId: string, viewedOn: string): EhcpCaseEvent => ({
    type: 'FamilyLinkViewed',
    data: { linkId, viewedOn },
  }),
};

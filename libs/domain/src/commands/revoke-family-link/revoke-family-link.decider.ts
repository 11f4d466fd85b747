import type { RevokeFamilyLink } from '../../ehcp-case/ehcp-case.commands';
import type { FamilyLinkRevoked } from '../../ehcp-case/ehcp-case.events';
import { refuse, requireCase, requireFound } from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

/**
 * (2nd ed.) Stops a family link from today: the council's own access record (no statute), so any
 * stage, closed or erased included. A link revoked already (or replaced by a newer one) is
 * FAMILY_LINK_REVOKED, so a second click says so rather than rewriting the day it stopped.
 */
export function revokeFamilyLink(
  { data, today }: RevokeFamilyLink,
  state: EhcpCaseState,
): [FamilyLinkRevoked] {
  const current = requireCase(state);
  const link = requireFound(
    current.familyLinks.find((l) => l.linkId === data.linkId),
    'FAMILY_LINK_NOT_FOUND',
    `Family link ${data.linkId}`,
  );
  if (link.revokedOn !== null)
    refuse(['FAMILY_LINK_REVOKED', `Family link ${data.linkId} was revoked on ${link.revokedOn}`]);
  return [{ type: 'FamilyLinkRevoked', data: { linkId: data.linkId, revokedOn: today } }];
}

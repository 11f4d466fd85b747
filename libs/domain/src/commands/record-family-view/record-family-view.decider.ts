import type { RecordFamilyView } from '../../ehcp-case/ehcp-case.commands';
import type { FamilyLinkViewed } from '../../ehcp-case/ehcp-case.events';
import { refuse, requireCase, requireFound } from '../../ehcp-case/ehcp-case.guards';
import { familyLinkStatusOf } from '../../ehcp-case/family-link.status';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';
import { assertNever } from '../../shared/assert-never';

/**
 * (2nd ed.) The family opened their page through their link: the council's own access record (no
 * statute), so every view is on the case's history. Only a link that works today: not revoked
 * (FAMILY_LINK_REVOKED) and not past its last day (FAMILY_LINK_EXPIRED); never once the child's
 * personal data was erased (nothing of theirs is left to show). Any stage, closed included: a
 * family may look after closure.
 */
export function recordFamilyView(
  { data, today }: RecordFamilyView,
  state: EhcpCaseState,
): [FamilyLinkViewed] {
  const current = requireCase(state);
  const link = requireFound(
    current.familyLinks.find((l) => l.linkId === data.linkId),
    'FAMILY_LINK_NOT_FOUND',
    `Family link ${data.linkId}`,
  );
  const status = familyLinkStatusOf(link, today);
  switch (status) {
    case 'revoked':
      return refuse(['FAMILY_LINK_REVOKED', `Family link ${data.linkId} was revoked on ${link.revokedOn}`]);
    case 'expired':
      return refuse(['FAMILY_LINK_EXPIRED', `Family link ${data.linkId} worked until ${link.expiresOn}`]);
    case 'active':
      break;
    default:
      return assertNever(status);
  }
  if (current.personalDataErasedOn !== null)
    refuse(['PERSONAL_DATA_ERASED', `Personal data was erased on ${current.personalDataErasedOn}`]);
  return [{ type: 'FamilyLinkViewed', data: { linkId: data.linkId, viewedOn: today } }];
}

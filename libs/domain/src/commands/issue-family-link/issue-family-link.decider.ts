import type { IssueFamilyLink } from '../../ehcp-case/ehcp-case.commands';
import type { FamilyLinkIssued } from '../../ehcp-case/ehcp-case.events';
import { refuse, requireCase, requireNewId } from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';
import { FAMILY_LINK_MAX_DAYS, FAMILY_LINK_MIN_DAYS } from '../../ehcp-case/ehcp-case.vocabulary';
import { DomainError } from '../../shared/domain-error';
import { plusDays } from '../../shared/local-date';

/**
 * (2nd ed.) The family's private link to their case. No statute asks for it: it is the council's own
 * record of who was given access to the case (UK GDPR art 15 is the family's right to see what is
 * held; this is a convenience, and the record says who had it and until when). The shell draws the
 * random token; the domain keeps only its SHA-256 hash. The link works from `today` through
 * `today + expiresInDays`; issuing it revokes the case's previous link (evolve). Any stage, closed
 * included (a family may look after closure), but never once the child's personal data was erased.
 */
export function issueFamilyLink({ data, today }: IssueFamilyLink, state: EhcpCaseState): [FamilyLinkIssued] {
  const current = requireCase(state);
  const days = requireExpiryDays(data.expiresInDays);
  if (current.personalDataErasedOn !== null)
    refuse([
      'PERSONAL_DATA_ERASED',
      `Personal data was erased on ${current.personalDataErasedOn}: no link can show this case`,
    ]);
  requireNewId(
    current.familyLinks.some((link) => link.linkId === data.linkId),
    'FAMILY_LINK_ALREADY_EXISTS',
    `Family link ${data.linkId}`,
  );
  return [
    {
      type: 'FamilyLinkIssued',
      data: {
        linkId: data.linkId,
        tokenHash: data.tokenHash,
        issuedOn: today,
        expiresOn: plusDays(today, days),
      },
    },
  ];
}

function requireExpiryDays(value: unknown): number {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < FAMILY_LINK_MIN_DAYS ||
    value > FAMILY_LINK_MAX_DAYS
  )
    throw new DomainError(
      'FAMILY_LINK_EXPIRY_INVALID',
      `expiresInDays must be a whole number from ${FAMILY_LINK_MIN_DAYS} to ${FAMILY_LINK_MAX_DAYS}`,
      'expiresInDays',
    );
  return value;
}

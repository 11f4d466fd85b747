import type { DomainError } from '@ehcp/domain';

/** Why a family's link shows nothing: unknown (404), or stopped, run out or erased (410). */
export type FamilyLinkRefusal =
  'FAMILY_LINK_NOT_FOUND' | 'FAMILY_LINK_REVOKED' | 'FAMILY_LINK_EXPIRED' | 'PERSONAL_DATA_ERASED';

const DETAILS: { readonly [C in FamilyLinkRefusal]: string } = {
  FAMILY_LINK_NOT_FOUND: 'This link is not one the council sent.',
  FAMILY_LINK_REVOKED: 'This link was stopped or replaced by a newer one.',
  FAMILY_LINK_EXPIRED: 'This link has run out.',
  PERSONAL_DATA_ERASED: "The child's details have been removed, so this link shows nothing.",
};

/**
 * A self-describing problem (the problem-details filter writes it as it is): 404 when the link is
 * unknown, 410 Gone when it worked once and no longer does. It says nothing of the case.
 */
export class FamilyLinkUnavailable extends Error {
  readonly status: 404 | 410;
  readonly title: string;

  constructor(readonly code: FamilyLinkRefusal) {
    super(DETAILS[code]);
    this.name = 'FamilyLinkUnavailable';
    this.status = code === 'FAMILY_LINK_NOT_FOUND' ? 404 : 410;
    this.title = this.status === 404 ? 'Not Found' : 'Gone';
  }

  /** The domain's refusal of RecordFamilyView as the family's answer; anything else is not ours. */
  static of(error: DomainError): FamilyLinkUnavailable | undefined {
    switch (error.code) {
      case 'FAMILY_LINK_REVOKED':
      case 'FAMILY_LINK_EXPIRED':
      case 'PERSONAL_DATA_ERASED':
      case 'FAMILY_LINK_NOT_FOUND':
        return new FamilyLinkUnavailable(error.code);
      // The read model named a case the event store does not hold (rebuilt, or a restore): unknown.
      case 'CASE_NOT_FOUND':
        return new FamilyLinkUnavailable('FAMILY_LINK_NOT_FOUND');
      default:
        return undefined;
    }
  }
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per family link issued (state.familyLinks): what the family's page finds its case by. Only
 * the SHA-256 hash of the token is kept; the token itself is never stored anywhere.
 */
@Entity('family_link')
export class FamilyLinkEntity {
  /** The API's random UUID: unique across cases (the key, unlike a views id). */
  @PrimaryColumn({ name: 'link_id', type: 'text' })
  linkId!: string;

  @Column({ name: 'case_id', type: 'text' })
  caseId!: string;

  /** SHA-256 of the link's token, hex: unique, the family page's one way in. */
  @Column({ name: 'token_hash', type: 'text', unique: true })
  tokenHash!: string;

  @Column({ name: 'issued_on', type: 'date' })
  issuedOn!: string;

  /** The last day the link works (London date). */
  @Column({ name: 'expires_on', type: 'date' })
  expiresOn!: string;

  /** Revoked by a caseworker, or replaced by a newer link; null while it works. */
  @Column({ name: 'revoked_on', type: 'date', nullable: true })
  revokedOn!: string | null;
}

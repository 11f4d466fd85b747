import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per hashed name part of a case's child (search-tokens.ts): what a search by name matches,
 * without a child's name in clear. A case has none once its personal data is erased.
 */
@Entity('case_search_token')
export class CaseSearchTokenEntity {
  /** `<caseId>/<token>`. */
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'case_id', type: 'text' })
  caseId!: string;

  /** HMAC-SHA256 (SEARCH_HASH_KEY) of one normalised name part, base64url. */
  @Column({ type: 'text' })
  token!: string;
}

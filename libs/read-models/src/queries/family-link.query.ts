import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A family's private link as the read model holds it (never the token: only its SHA-256 hash). */
export interface FamilyLinkRecord {
  readonly linkId: string;
  readonly caseId: string;
  readonly expiresOn: string;
  readonly revokedOn: string | null;
}

/**
 * PLACEHOLDER in the api's branch (issue 17): the read-models helper writes the real query, the
 * family_link table and its projection; this one only fixes the shape the api reads.
 */
@Injectable()
export class FamilyLinkQuery {
  constructor(private readonly db: DataSource) {}

  /** The link whose token hashes to `tokenHash` (lower-case hex), or null. */
  async byTokenHash(tokenHash: string): Promise<FamilyLinkRecord | null> {
    const rows = await this.db.query<FamilyLinkRecord[]>(
      `select link_id as "linkId", case_id as "caseId", to_char(expires_on, 'YYYY-MM-DD') as "expiresOn",
              to_char(revoked_on, 'YYYY-MM-DD') as "revokedOn"
         from family_link
        where token_hash = $1`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }
}

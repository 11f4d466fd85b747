import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FamilyLinkEntity } from '../schema/family-link.entity';

/** What the family's page needs of a link to decide whether it still works, and for which case. */
export interface FamilyLinkRecord {
  readonly linkId: string;
  readonly caseId: string;
  /** The last day the link works. */
  readonly expiresOn: string;
  readonly revokedOn: string | null;
}

/** Family links by their token's hash: the family's page has the token, never the link id. */
@Injectable()
export class FamilyLinkQuery {
  constructor(private readonly db: DataSource) {}

  /** The link whose token hashes to `tokenHash` (SHA-256, hex), or null: one row by the unique index. */
  async byTokenHash(tokenHash: string): Promise<FamilyLinkRecord | null> {
    const row = await this.db.getRepository(FamilyLinkEntity).findOne({
      select: { linkId: true, caseId: true, expiresOn: true, revokedOn: true },
      where: { tokenHash },
    });
    return row === null
      ? null
      : { linkId: row.linkId, caseId: row.caseId, expiresOn: row.expiresOn, revokedOn: row.revokedOn };
  }
}

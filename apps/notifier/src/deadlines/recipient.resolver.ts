import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@ehcp/config';
import { DataSource } from 'typeorm';
import { z } from 'zod';

const isEmail = (value: string) => z.email().safeParse(value).success;

/**
 * Who an alert e-mail goes to: the case's caseworker and the team's recipients (ALERT_TEAM_RECIPIENTS).
 * A caseworker id (the JWT `sub`) that is an address is used as it is; otherwise the caseworker_email
 * table maps it; a caseworker found in neither gets no e-mail (the team's recipients still do).
 */
@Injectable()
export class RecipientResolver {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async recipientsOf(caseId: string, team: string): Promise<string[]> {
    const caseworker = await this.caseworkerEmailOf(caseId);
    return [
      ...new Set([...(caseworker ? [caseworker] : []), ...(this.config.ALERT_TEAM_RECIPIENTS[team] ?? [])]),
    ];
  }

  private async caseworkerEmailOf(caseId: string): Promise<string | null> {
    const [row] = await this.db.query<{ caseworkerId: string | null; email: string | null }[]>(
      `select s.caseworker_id as "caseworkerId", e.email
         from case_summary s left join caseworker_email e on e.caseworker_id = s.caseworker_id
        where s.case_id = $1`,
      [caseId],
    );
    if (!row?.caseworkerId) return null;
    return isEmail(row.caseworkerId) ? row.caseworkerId : row.email;
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEAD_LETTER_TABLE, UNRESOLVED } from '../engine/dead-letter.store';
import { LIVE_SCHEMA } from '../engine/sql-client';

export interface DeadLetterCounts {
  /** Events that failed on their own. */
  readonly parked: number;
  /** Later events of the same cases, held behind them. */
  readonly blocked: number;
  readonly cases: number;
}

/** How many events wait in the dead-letter table: for the projector's metric and readiness detail. */
@Injectable()
export class DeadLetterSummary {
  constructor(private readonly db: DataSource) {}

  async counts(): Promise<DeadLetterCounts> {
    const [counts] = await this.db.query<DeadLetterCounts[]>(
      `select count(*) filter (where status = 'parked')::int as parked,
              count(*) filter (where status = 'blocked')::int as blocked,
              count(distinct case_id)::int as cases
         from ${LIVE_SCHEMA}.${DEAD_LETTER_TABLE} where ${UNRESOLVED}`,
    );
    return counts;
  }
}

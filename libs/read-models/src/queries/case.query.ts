import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CaseDeadlineRow } from '../projections/case-deadline.projection';
import type { CaseSummaryRow } from '../projections/case-summary.projection';
import { CaseDeadlineEntity } from '../schema/case-deadline.entity';
import { CaseSummaryEntity } from '../schema/case-summary.entity';

export interface CaseRecord {
  readonly summary: CaseSummaryRow;
  /** In due-date order. */
  readonly deadlines: readonly CaseDeadlineRow[];
}

/** One case's read model: the case screen. */
@Injectable()
export class CaseQuery {
  constructor(private readonly db: DataSource) {}

  async find(caseId: string): Promise<CaseRecord | null> {
    const summary = await this.db.getRepository(CaseSummaryEntity).findOneBy({ caseId });
    if (!summary) return null;
    const deadlines = await this.db
      .getRepository(CaseDeadlineEntity)
      .find({ where: { caseId }, order: { dueOn: 'ASC', id: 'ASC' } });
    return { summary, deadlines };
  }
}

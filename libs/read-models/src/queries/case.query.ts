import { Injectable } from '@nestjs/common';
import type { Appeal, ChildViews, FamilyLink, Reassessment, TransferredPlan } from '@ehcp/domain';
import { DataSource } from 'typeorm';
import type { CaseDeadlineRow } from '../projections/case-deadline.projection';
import type { CaseSummaryRow } from '../projections/case-summary.projection';
import { CaseDeadlineEntity } from '../schema/case-deadline.entity';
import { CaseSummaryEntity } from '../schema/case-summary.entity';

export interface CaseRecord {
  readonly summary: CaseSummaryRow;
  /** In due-date order. */
  readonly deadlines: readonly CaseDeadlineRow[];
  /** (2nd ed.) Every appeal recorded, in the order recorded; an open one has no outcome yet. */
  readonly appeals: readonly Appeal[];
  /** (2nd ed.) Where a plan transferred in came from (reg 15), or null. */
  readonly transferIn: TransferredPlan | null;
  /** (2nd ed.) The re-assessment under way (requested or decided "reassess", not yet ended), or null. */
  readonly reassessment: Reassessment | null;
  /** (2nd ed.) The child's or young person's views gathered, in the order recorded (no summaries). */
  readonly views: readonly ChildViews[];
  /** (2nd ed.) The family's link not revoked (an expired one too: the screen shows it expired), or null. */
  readonly familyLink: CaseFamilyLink | null;
}

/** What the case screen shows of the family's link: never its token's hash. */
export interface CaseFamilyLink {
  readonly linkId: string;
  readonly issuedOn: string;
  readonly expiresOn: string;
}

/** (2nd ed.) What the case screen shows of the processes, from the fold the projector keeps (case_state). */
interface CaseProcesses {
  readonly appeals: readonly Appeal[] | null;
  readonly transferIn: TransferredPlan | null;
  readonly reassessments: readonly Reassessment[] | null;
  readonly views: readonly ChildViews[] | null;
  readonly familyLinks: readonly FamilyLink[] | null;
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
    return { summary, deadlines, ...(await this.processesOf(caseId)) };
  }

  /**
   * Read from the stored fold rather than new columns: a handful of small lists, one row by key.
   * A fold older than the second edition lacks the fields (none of these facts existed then), and
   * one older than CASE_STATE_VERSION 3 lacks views and family links: it has none (re-folded by the
   * projector at the case's next event).
   */
  private async processesOf(caseId: string): Promise<Omit<CaseRecord, 'summary' | 'deadlines'>> {
    const [row] = await this.db.query<CaseProcesses[]>(
      `select state->'appeals' as appeals, state->'transferIn' as "transferIn",
              state->'reassessments' as reassessments, state->'views' as views,
              state->'familyLinks' as "familyLinks"
         from case_state where case_id = $1`,
      [caseId],
    );
    const reassessments = row?.reassessments ?? [];
    return {
      appeals: row?.appeals ?? [],
      transferIn: row?.transferIn ?? null,
      reassessment: reassessments.findLast(underWay) ?? null,
      views: row?.views ?? [],
      familyLink: activeLinkOf(row?.familyLinks ?? []),
    };
  }
}

/** A re-assessment not refused and not yet ended by a plan or a decision to leave it unchanged. */
function underWay(reassessment: Reassessment): boolean {
  return (
    reassessment.decision?.decision !== 'refuse' &&
    reassessment.plan === null &&
    reassessment.unchangedOn === null
  );
}

/** The case's link not revoked (evolve keeps at most one), without its token's hash. */
function activeLinkOf(links: readonly FamilyLink[]): CaseFamilyLink | null {
  const link = links.findLast((candidate) => candidate.revokedOn === null);
  return link ? { linkId: link.linkId, issuedOn: link.issuedOn, expiresOn: link.expiresOn } : null;
}

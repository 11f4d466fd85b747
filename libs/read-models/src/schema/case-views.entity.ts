import type { ViewsMethod, ViewsStage } from '@ehcp/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per record of a child's or young person's views (state.views): SEN2's plans and reviews
 * "with views" count them. Never the summary: that is personal data, kept encrypted in the event.
 */
@Entity('case_views')
export class CaseViewsEntity {
  /** `<caseId>/<viewsId>`: views ids are chosen per case. */
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'case_id', type: 'text' })
  caseId!: string;

  @Column({ type: 'text' })
  team!: string;

  @Column({ name: 'views_id', type: 'text' })
  viewsId!: string;

  @Column({ type: 'text' })
  stage!: ViewsStage;

  @Column({ type: 'text' })
  method!: ViewsMethod;

  @Column({ name: 'gathered_on', type: 'date' })
  gatheredOn!: string;

  /**
   * SEN2: the issue date of the case's new plan, on the first record gathered for its assessment or
   * draft by then (plans_issued_with_views counts these by date); null on every other record.
   */
  @Column({ name: 'plan_counted_on', type: 'date', nullable: true })
  planCountedOn!: string | null;

  /**
   * SEN2: the day an annual review was held (its deadline met), on the first record gathered for it
   * after its period began and by that day (reviews_held_with_views counts these); else null.
   */
  @Column({ name: 'review_counted_on', type: 'date', nullable: true })
  reviewCountedOn!: string | null;
}

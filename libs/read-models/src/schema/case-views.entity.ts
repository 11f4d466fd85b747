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
}

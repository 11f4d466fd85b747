import type { AdviceSource, DeadlineKind } from '@ehcp/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_AS_NUMBER } from './column-transformers';

/** One row per statutory deadline, exactly as the domain's `deadlinesOf` derives it. Status is never stored. */
@Entity('case_deadline')
export class CaseDeadlineEntity {
  /** `<caseId>/<deadline id within the case>` (deadlineRowId). */
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'case_id', type: 'text' })
  caseId!: string;

  @Column({ type: 'text' })
  team!: string;

  @Column({ type: 'text' })
  kind!: DeadlineKind;

  @Column({ type: 'text', nullable: true })
  ref!: string | null;

  /** An advice deadline's source of advice (educational psychology, health...); null for other kinds. */
  @Column({ name: 'advice_source', type: 'text', nullable: true })
  adviceSource!: AdviceSource | null;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ name: 'met_on', type: 'date', nullable: true })
  metOn!: string | null;

  @Column({ type: 'boolean' })
  cancelled!: boolean;

  @Column({ name: 'cancelled_on', type: 'date', nullable: true })
  cancelledOn!: string | null;

  /**
   * (2nd ed.) The day a pending cessation cancels this open deadline (DOMAIN.md "Cessation"): open as
   * usual before it, cancelled from it. Null when no cessation is pending or once met or cancelled.
   */
  @Column({ name: 'cancels_on', type: 'date', nullable: true })
  cancelsOn!: string | null;

  @Column({ name: 'exception_applies', type: 'boolean' })
  exceptionApplies!: boolean;

  @Column({ type: 'text' })
  rule!: string;

  /** The stream revision of the event that last changed this deadline. */
  @Column({ type: 'bigint', transformer: BIGINT_AS_NUMBER })
  revision!: number;
}

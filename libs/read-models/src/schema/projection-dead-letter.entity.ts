import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_AS_NUMBER } from './column-transformers';

export const DEAD_LETTER_STATUSES = ['parked', 'blocked', 'resolved'] as const;
/** parked: failed on its own; blocked: behind a parked event of its case; resolved: re-applied since. */
export type DeadLetterStatus = (typeof DEAD_LETTER_STATUSES)[number];

/** An event the projector set aside instead of stopping (see the migration). Never any event data. */
@Entity('projection_dead_letter')
export class ProjectionDeadLetterEntity {
  @PrimaryColumn({ name: 'case_id', type: 'text' })
  caseId!: string;

  @PrimaryColumn({ type: 'bigint', transformer: BIGINT_AS_NUMBER })
  revision!: number;

  /** The event's position in the global log (opaque). */
  @Column({ type: 'text' })
  position!: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Column({ type: 'text' })
  status!: DeadLetterStatus;

  /** The last failure, redacted; null while blocked or once resolved. */
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ name: 'first_failed_at', type: 'timestamptz' })
  firstFailedAt!: Date;

  @Column({ name: 'failed_at', type: 'timestamptz' })
  failedAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;
}

import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const DEADLINE_CHANGES = ['opened', 'moved', 'met', 'cancelled'] as const;
/** What happened to a deadline, as far as alerting cares. */
export type DeadlineChange = (typeof DEADLINE_CHANGES)[number];

/**
 * A deadline change for the notifier, written in the projection's transaction (transactional
 * outbox). The relay reads unrelayed rows in id order and sets `relayed_at`.
 */
@Entity('alert_outbox')
export class AlertOutboxEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  /** case_deadline.id */
  @Column({ name: 'deadline_id', type: 'text' })
  deadlineId!: string;

  @Column({ name: 'case_id', type: 'text' })
  caseId!: string;

  @Column({ type: 'text' })
  team!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  change!: DeadlineChange;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ name: 'met_on', type: 'date', nullable: true })
  metOn!: string | null;

  @Column({ type: 'boolean' })
  cancelled!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'relayed_at', type: 'timestamptz', nullable: true })
  relayedAt!: Date | null;
}

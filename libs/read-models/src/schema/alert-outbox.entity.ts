import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A deadline change for the notifier, written in the projection's transaction (transactional
 * outbox). The relay reads unrelayed rows in id order and sets `relayed_at`. A row holds only what
 * the relay reads (AlertOutboxFacts migration): which deadline, its due date and whether it is open
 * after the change; everything else the relay takes from the deadline's current case_deadline row.
 */
@Entity('alert_outbox')
export class AlertOutboxEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  /** case_deadline.id */
  @Column({ name: 'deadline_id', type: 'text' })
  deadlineId!: string;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  /** The domain's isOpen of the deadline after the change. */
  @Column({ type: 'boolean' })
  open!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'relayed_at', type: 'timestamptz', nullable: true })
  relayedAt!: Date | null;
}

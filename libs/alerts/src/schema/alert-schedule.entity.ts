import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The due date the relay last scheduled alert jobs for, per deadline: outbox rows carry only the new
 * due date, and this tells which delayed jobs a move, a met or a cancellation makes obsolete.
 */
@Entity('alert_schedule')
export class AlertScheduleEntity {
  @PrimaryColumn('text', { name: 'deadline_id' })
  deadlineId!: string;

  /** null once the deadline was met or cancelled: no jobs left. */
  @Column('date', { name: 'due_on', nullable: true })
  dueOn!: string | null;

  /**
   * When the deadline with this due date became known: the creation of the alert_outbox row that
   * opened it, moved it here or reopened it. Alerts already due by then wait for the next
   * ALERT_LOCAL_TIME. null once closed, and on rows relayed before the column existed.
   */
  @Column('timestamptz', { name: 'known_since', nullable: true })
  knownSince!: Date | null;

  /** The last alert_outbox row applied: a row relayed after a later one changes nothing. */
  @Column('bigint', { name: 'outbox_id', nullable: true })
  outboxId!: string | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

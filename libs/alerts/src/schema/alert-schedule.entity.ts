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

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

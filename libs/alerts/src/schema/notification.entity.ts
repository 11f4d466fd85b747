import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { AlertKind } from '../policy/alert.policy';

/**
 * A deadline alert that was raised: the in-app list (GET /notifications) and the anchor of its
 * deliveries. Not a projection (a rebuild never touches it); the unique key makes every alert of a
 * due date exactly one row however often its job runs.
 */
@Entity('notification')
@Unique('notification_alert_once', ['deadlineId', 'alertKey', 'dueOn'])
@Index('notification_team_created', ['team', 'createdAt'])
@Index('notification_case_created', ['caseId', 'createdAt'])
export class NotificationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** case_deadline.id */
  @Column('text', { name: 'deadline_id' })
  deadlineId!: string;

  @Column('text', { name: 'case_id' })
  caseId!: string;

  @Column('text')
  team!: string;

  @Column('text')
  kind!: AlertKind;

  /** The due_soon offset in days; null for overdue. */
  @Column('integer', { name: 'warn_days', nullable: true })
  warnDays!: number | null;

  /** 'due_soon-14' | 'due_soon-5' | 'overdue': the alert within its due date. */
  @Column('text', { name: 'alert_key' })
  alertKey!: string;

  @Column('date', { name: 'due_on' })
  dueOn!: string;

  @Column('timestamptz', { name: 'fire_at' })
  fireAt!: Date;

  /** The API's Deadline as it stood when the alert was raised: the webhook's `deadline`. */
  @Column('jsonb')
  deadline!: Record<string, unknown>;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}

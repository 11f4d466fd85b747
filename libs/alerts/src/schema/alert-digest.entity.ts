import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DeliveryStatus } from './notification-delivery.entity';

/**
 * One recipient's daily e-mail of alerts (ALERT_EMAIL_MODE=digest): the key makes it one e-mail per
 * recipient and London date however many notifiers or sweeps try; the status records its sending.
 */
@Entity('alert_digest')
@Index('alert_digest_pending', ['digestOn'], { where: `status = 'pending'` })
export class AlertDigestEntity {
  @PrimaryColumn('text')
  recipient!: string;

  @PrimaryColumn('date', { name: 'digest_on' })
  digestOn!: string;

  @Column('text')
  status!: DeliveryStatus;

  @Column('integer')
  attempts!: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt!: Date | null;
}

/** A notification waiting for a recipient's digest (digest_on null), or listed in one. */
@Entity('alert_digest_item')
@Index('alert_digest_item_waiting', ['recipient'], { where: 'digest_on is null' })
export class AlertDigestItemEntity {
  @PrimaryColumn('uuid', { name: 'notification_id' })
  notificationId!: string;

  @PrimaryColumn('text')
  recipient!: string;

  @Column('date', { name: 'digest_on', nullable: true })
  digestOn!: string | null;
}

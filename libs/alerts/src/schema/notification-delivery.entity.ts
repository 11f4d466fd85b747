import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DeliveryChannel } from '../queues/delivery-job.contract';

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One channel's delivery of a notification: every attempt is counted, a final failure is kept. */
@Entity('notification_delivery')
@Index('notification_delivery_pending', ['updatedAt'], { where: `status = 'pending'` })
export class NotificationDeliveryEntity {
  @PrimaryColumn('uuid', { name: 'notification_id' })
  notificationId!: string;

  @PrimaryColumn('text')
  channel!: DeliveryChannel;

  @Column('text')
  status!: DeliveryStatus;

  @Column('integer')
  attempts!: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;

  /** E-mail addresses resolved when the alert was raised, so every retry writes to the same people. */
  @Column('text', { array: true, nullable: true })
  recipients!: string[] | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt!: Date | null;
}

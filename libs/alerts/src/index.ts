export {
  RedisModule,
  RedisReadinessCheck,
  REDIS_CONNECTION,
  createRedisConnection,
} from './redis/redis.module';
export {
  ALERT_KINDS,
  alertsOf,
  alertScheduleOf,
  nextLocalTimeAfter,
  alertPolicyConfigOf,
  type Alert,
  type AlertKind,
  type AlertPolicyConfig,
  type AlertSchedule,
  type AlertableDeadline,
} from './policy/alert.policy';
export { ALERT_QUEUE, DELIVERY_QUEUE, SWEEP_QUEUE } from './queues/queue.names';
export { alertJobData, alertJobId, type AlertJobData } from './queues/alert-job.contract';
export {
  DELIVERY_CHANNELS,
  deliveryJobId,
  type DeliveryChannel,
  type DeliveryJobData,
} from './queues/delivery-job.contract';
export { SIGNATURE_HEADER, signWebhookBody, isValidWebhookSignature } from './channels/webhook.signature';
export { WebhookChannel } from './channels/webhook.channel';
export { EmailChannel } from './channels/email.channel';
export type { AlertMessage } from './channels/alert.message';
export type { DigestEntry, DigestMessage } from './channels/digest.message';
export { NotificationEntity } from './schema/notification.entity';
export {
  NotificationDeliveryEntity,
  DELIVERY_STATUSES,
  type DeliveryStatus,
} from './schema/notification-delivery.entity';
export { AlertScheduleEntity } from './schema/alert-schedule.entity';
export { AlertDigestEntity, AlertDigestItemEntity } from './schema/alert-digest.entity';
export { CaseworkerEmailEntity } from './schema/caseworker-email.entity';
export { NOTIFICATION_SCHEMA } from './schema/notification.schema';
export {
  NotificationsQuery,
  type NotificationFilter,
  type NotificationItem,
  DEADLINE_STATES,
  type DeadlineState,
} from './notifications/notifications.query';

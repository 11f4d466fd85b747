import type { DatabaseSchema } from '@ehcp/read-models';
import { AlertDigestEntity, AlertDigestItemEntity } from './alert-digest.entity';
import { AlertScheduleEntity } from './alert-schedule.entity';
import { AlertTiming1796601600000 } from './alert-timing.migration';
import { CaseworkerEmailEntity } from './caseworker-email.entity';
import { NotificationDeliveryEntity } from './notification-delivery.entity';
import { NotificationEntity } from './notification.entity';
import { NotificationTables1795420800000 } from './notification-tables.migration';

/** The alerts' own tables: both the notifier and the api (GET /notifications) register them. */
export const NOTIFICATION_SCHEMA = {
  entities: [
    NotificationEntity,
    NotificationDeliveryEntity,
    AlertScheduleEntity,
    CaseworkerEmailEntity,
    AlertDigestEntity,
    AlertDigestItemEntity,
  ],
  migrations: [NotificationTables1795420800000, AlertTiming1796601600000],
} satisfies DatabaseSchema;

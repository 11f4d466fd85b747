import type { DatabaseSchema } from '@ehcp/read-models';
import { AlertScheduleEntity } from './alert-schedule.entity';
import { CaseworkerEmailEntity } from './caseworker-email.entity';
import { NotificationDeliveryEntity } from './notification-delivery.entity';
import { NotificationEntity } from './notification.entity';
import { NotificationTables1795420800000 } from './notification-tables.migration';

/** The alerts' own tables: both the notifier and the api (GET /notifications) register them. */
export const NOTIFICATION_SCHEMA = {
  entities: [NotificationEntity, NotificationDeliveryEntity, AlertScheduleEntity, CaseworkerEmailEntity],
  migrations: [NotificationTables1795420800000],
} satisfies DatabaseSchema;

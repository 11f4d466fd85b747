import { Module } from '@nestjs/common';
import { NotificationsQuery } from '@ehcp/alerts';
import { NotificationsController } from './notifications.controller';

/** GET /notifications; needs NOTIFICATION_SCHEMA registered with the api's ReadModelsDatabaseModule. */
@Module({ controllers: [NotificationsController], providers: [NotificationsQuery] })
export class NotificationsModule {}

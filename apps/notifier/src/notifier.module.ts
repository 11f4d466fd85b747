import { Module } from '@nestjs/common';
import {
  EmailChannel,
  NOTIFICATION_SCHEMA,
  RedisModule,
  RedisReadinessCheck,
  WebhookChannel,
} from '@ehcp/alerts';
import {
  ConfigModule,
  HealthModule,
  LoggerModule,
  MetricsModule,
  type AppConfig,
  Clock,
  SystemClock,
} from '@ehcp/config';
import { PostgresReadinessCheck, ReadModelsDatabaseModule } from '@ehcp/read-models';
import { AlertProcessor } from './alerts/alert.processor';
import { NotificationWriter } from './alerts/notification.writer';
import { DeadlineReader } from './deadlines/deadline.reader';
import { RecipientResolver } from './deadlines/recipient.resolver';
import { DeliveryProcessor } from './deliveries/delivery.processor';
import { AlertDigestSender } from './digest/alert-digest.sender';
import { DeliveryRepository } from './deliveries/delivery.repository';
import { DEFAULT_NOTIFIER_OPTIONS, NOTIFIER_OPTIONS, type NotifierOptions } from './notifier.options';
import { AlertQueues } from './queues/alert-queues';
import { RedisPolicyCheck } from './redis/redis-policy.check';
import { OutboxRelay } from './relay/outbox.relay';
import { AlertSweeper } from './sweeper/alert.sweeper';
import { SweeperScheduler } from './sweeper/sweeper.scheduler';

@Module({})
export class NotifierModule {
  /** `options`: tuning for tests (queue prefix, short backoffs, a manual clock); production takes the defaults. */
  static register(config: AppConfig, options: Partial<NotifierOptions> = {}) {
    const tuned: NotifierOptions = {
      ...DEFAULT_NOTIFIER_OPTIONS,
      queuePrefix: config.ALERT_QUEUE_PREFIX,
      ...options,
    };
    return {
      module: NotifierModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule,
        MetricsModule,
        ReadModelsDatabaseModule.forRoot(NOTIFICATION_SCHEMA),
        RedisModule,
        HealthModule.forRoot([PostgresReadinessCheck, RedisReadinessCheck]),
      ],
      providers: [
        { provide: NOTIFIER_OPTIONS, useValue: tuned },
        { provide: Clock, useValue: tuned.clock ?? new SystemClock() },
        AlertQueues,
        DeadlineReader,
        RecipientResolver,
        NotificationWriter,
        WebhookChannel,
        EmailChannel,
        DeliveryRepository,
        OutboxRelay,
        AlertProcessor,
        DeliveryProcessor,
        AlertSweeper,
        AlertDigestSender,
        SweeperScheduler,
        RedisPolicyCheck,
      ],
    };
  }
}

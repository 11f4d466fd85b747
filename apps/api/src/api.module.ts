import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { NOTIFICATION_SCHEMA, RedisModule, RedisReadinessCheck } from '@ehcp/alerts';
import { AuthModule } from '@ehcp/auth';
import {
  ClockModule,
  ConfigModule,
  HealthModule,
  LoggerModule,
  MetricsModule,
  type AppConfig,
} from '@ehcp/config';
import { EventStoreModule, EventStoreReadinessCheck } from '@ehcp/event-store';
import { PostgresReadinessCheck, ReadModelsDatabaseModule } from '@ehcp/read-models';
import { CommandsModule } from './commands/commands.module';
import { FamilyModule } from './family/family.module';
import { API_DATABASE_SCHEMA } from './idempotency/idempotency.schema';
import { NotificationsModule } from './notifications/notifications.module';
import { PublicTimelinessModule } from './public-timeliness/public-timeliness.module';
import { QueriesModule } from './queries/queries.module';

@Module({})
export class ApiModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule,
        MetricsModule,
        ClockModule,
        AuthModule,
        // The read models, plus the api's idempotency keys and the notifier's tables (GET /notifications).
        ReadModelsDatabaseModule.forRoot({
          entities: [...API_DATABASE_SCHEMA.entities, ...NOTIFICATION_SCHEMA.entities],
          migrations: [...API_DATABASE_SCHEMA.migrations, ...NOTIFICATION_SCHEMA.migrations],
        }),
        RedisModule,
        EventStoreModule.forRootAsync(),
        CqrsModule.forRoot(),
        CommandsModule,
        NotificationsModule,
        QueriesModule,
        FamilyModule,
        PublicTimelinessModule,
        HealthModule.forRoot([PostgresReadinessCheck, RedisReadinessCheck, EventStoreReadinessCheck]),
      ],
    };
  }
}

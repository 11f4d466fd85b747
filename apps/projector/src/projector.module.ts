import { Module } from '@nestjs/common';
import { RedisModule, RedisReadinessCheck } from '@ehcp/alerts';
import { ConfigModule, HealthModule, LoggerModule, MetricsModule, type AppConfig } from '@ehcp/config';
import { EventStoreModule, EventStoreReadinessCheck } from '@ehcp/event-store';
import { PostgresReadinessCheck, ReadModelsDatabaseModule } from '@ehcp/read-models';
import { ProjectorLeadership } from './leadership/projector-leadership';

@Module({})
export class ProjectorModule {
  static register(config: AppConfig) {
    return {
      module: ProjectorModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule,
        MetricsModule,
        ReadModelsDatabaseModule.forRoot(),
        RedisModule,
        EventStoreModule.forRootAsync(),
        HealthModule.forRoot([PostgresReadinessCheck, RedisReadinessCheck, EventStoreReadinessCheck]),
      ],
      providers: [ProjectorLeadership],
    };
  }
}

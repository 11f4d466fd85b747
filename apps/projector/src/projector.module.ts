import { Module } from '@nestjs/common';
import { RedisModule, RedisReadinessCheck } from '@ehcp/alerts';
import { ConfigModule, HealthModule, LoggerModule, MetricsModule, type AppConfig } from '@ehcp/config';
import { PostgresReadinessCheck, ReadModelsDatabaseModule } from '@ehcp/read-models';

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
        HealthModule.forRoot([PostgresReadinessCheck, RedisReadinessCheck]),
      ],
    };
  }
}

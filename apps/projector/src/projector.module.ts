import { Module } from '@nestjs/common';
import { RedisModule, RedisReadinessCheck } from '@ehcp/alerts';
import { ConfigModule, HealthModule, LoggerModule, MetricsModule, type AppConfig } from '@ehcp/config';
import { EventStoreModule, EventStoreReadinessCheck } from '@ehcp/event-store';
import { DeadLetterSummary, PostgresReadinessCheck, ReadModelsDatabaseModule } from '@ehcp/read-models';
import { DeadLetterMonitor } from './dead-letters/dead-letter.monitor';
import { ProjectorLeadership } from './leadership/projector-leadership';

/** What the dead-letter readiness check needs, resolvable inside HealthModule. */
@Module({ providers: [DeadLetterSummary], exports: [DeadLetterSummary] })
class DeadLetterSummaryModule {}

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
        HealthModule.forRoot(
          [PostgresReadinessCheck, RedisReadinessCheck, EventStoreReadinessCheck, DeadLetterMonitor],
          [DeadLetterSummaryModule],
        ),
      ],
      providers: [ProjectorLeadership],
    };
  }
}

import { Module } from '@nestjs/common';
import { ConfigModule, HealthModule, LoggerModule, MetricsModule, type AppConfig } from '@ehcp/config';
import { EventStoreModule, EventStoreReadinessCheck } from '@ehcp/event-store';
import { PostgresReadinessCheck, ReadModelsDatabaseModule } from '@ehcp/read-models';
import { DeadLetterMonitor } from './dead-letters/dead-letter.monitor';
import { DeadLetterSummary } from './dead-letters/dead-letter.summary';
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
        EventStoreModule.forRootAsync(),
        // Only what the projector uses: it reads the event store and writes PostgreSQL, never Redis.
        HealthModule.forRoot(
          [PostgresReadinessCheck, EventStoreReadinessCheck, DeadLetterMonitor],
          [DeadLetterSummaryModule],
        ),
      ],
      providers: [ProjectorLeadership],
    };
  }
}

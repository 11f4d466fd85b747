import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, LoggerModule, type AppConfig } from '@ehcp/config';
import { EventStoreModule } from '@ehcp/event-store';
import { ReadModelsDatabaseModule } from '@ehcp/read-models';

/**
 * What a rebuild and the dead-letter command need: the configuration, the migrated read-model
 * database and the event store.
 */
@Module({})
export class RebuildModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: RebuildModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule,
        ReadModelsDatabaseModule.forRoot(),
        EventStoreModule.forRootAsync(),
      ],
    };
  }
}

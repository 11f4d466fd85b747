import { DynamicModule, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig, type ReadinessCheck } from '@ehcp/config';
import { DataSource } from 'typeorm';
import { migrateUnderLock } from './migrate';
import { readModelsDataSourceOptions, type DatabaseSchema } from './read-models.data-source';

@Injectable()
export class PostgresReadinessCheck implements ReadinessCheck {
  constructor(
    private readonly typeOrm: TypeOrmHealthIndicator,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async isReady() {
    try {
      return await this.typeOrm.pingCheck('postgres', { timeout: 1000 });
    } catch (error) {
      return this.indicator.check('postgres').down({ message: (error as Error).message });
    }
  }
}

@Injectable()
class Migrator implements OnModuleInit {
  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): Promise<void> {
    return migrateUnderLock(this.dataSource);
  }
}

/** The read models' PostgreSQL connection (TypeORM), shared by every app; migrates at start-up. */
@Module({})
export class ReadModelsDatabaseModule {
  /** `schema`: an app's own tables (e.g. the api's idempotency keys) beside the read models. */
  static forRoot(schema: DatabaseSchema = {}): DynamicModule {
    return {
      module: ReadModelsDatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            ...readModelsDataSourceOptions(config.DATABASE_URL, schema),
            retryAttempts: 3,
          }),
        }),
      ],
      providers: [Migrator],
    };
  }
}

import { Injectable, Module } from '@nestjs/common';
import { HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig, type ReadinessCheck } from '@ehcp/config';
import { readModelsDataSourceOptions } from './read-models.data-source';

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

/** The read models' PostgreSQL connection (TypeORM), shared by every app. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...readModelsDataSourceOptions(config.DATABASE_URL),
        retryAttempts: 3,
      }),
    }),
  ],
})
export class ReadModelsDatabaseModule {}

export { ReadModelsDatabaseModule, PostgresReadinessCheck } from './database/read-models-database.module';
export { readModelsDataSourceOptions } from './database/read-models.data-source';

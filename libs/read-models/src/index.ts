export { ReadModelsDatabaseModule, PostgresReadinessCheck } from './database/read-models-database.module';
export {
  readModelsDataSourceOptions,
  READ_MODEL_ENTITIES,
  READ_MODEL_MIGRATIONS,
  type DatabaseSchema,
} from './database/read-models.data-source';
export { migrateUnderLock } from './database/migrate';

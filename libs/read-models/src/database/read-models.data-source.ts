import type { DataSourceOptions, MixedList } from 'typeorm';

export interface DatabaseSchema {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities?: MixedList<Function | string>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations?: MixedList<Function | string>;
}

/** Entities and migrations of every read model; the projections add theirs here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const READ_MODEL_ENTITIES: Function[] = [];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const READ_MODEL_MIGRATIONS: Function[] = [];

/**
 * The PostgreSQL connection of the read models and the app-owned tables. Migrations are run by
 * ReadModelsDatabaseModule under an advisory lock (several processes start at once), never by TypeORM here.
 */
export function readModelsDataSourceOptions(url: string, extra: DatabaseSchema = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [...READ_MODEL_ENTITIES, ...((extra.entities as []) ?? [])],
    migrations: [...READ_MODEL_MIGRATIONS, ...((extra.migrations as []) ?? [])],
    migrationsRun: false,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    extra: { max: 10 },
  };
}

import type { DataSourceOptions } from 'typeorm';

/** Entities and migrations of every read model; the projections add theirs here. */
export function readModelsDataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [],
    migrations: [],
    migrationsRun: false,
    synchronize: false,
    extra: { max: 10 },
  };
}

import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { ApiIdempotencyKeys1763900000000 } from './idempotency-keys.migration';

/** The api's own tables, registered beside the read models (ReadModelsDatabaseModule.forRoot). */
export const API_DATABASE_SCHEMA = {
  entities: [IdempotencyKeyEntity],
  migrations: [ApiIdempotencyKeys1763900000000],
};
